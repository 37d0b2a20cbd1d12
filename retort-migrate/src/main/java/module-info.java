/**
 * Retort Migrate: revisions, upgrade and downgrade, autogenerate from a MetaData, offline SQL, code generation,
 * and the {@code retort-migrate} command-line tool.
 */
module org.retort.migrate {
    requires transitive org.retort.core;
    requires java.compiler;
    requires info.picocli;

    exports org.retort.migrate;
    exports org.retort.migrate.autogenerate;
    exports org.retort.migrate.cli;
    exports org.retort.migrate.codegen;

    opens org.retort.migrate.cli to info.picocli;
}
