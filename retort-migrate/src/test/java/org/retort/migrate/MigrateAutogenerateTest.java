package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.check;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.comment;
import static org.retort.schema.Schema.foreignKeyConstraint;
import static org.retort.schema.Schema.index;
import static org.retort.schema.Schema.notNull;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.schema.Schema.serverDefault;
import static org.retort.schema.Schema.uniqueConstraint;
import static org.retort.types.Types.BIGINT;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.VARCHAR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.migrate.autogenerate.AutogenerateOptions;
import org.retort.migrate.autogenerate.SchemaChange;
import org.retort.schema.MetaData;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * Autogenerate on every backend: a model changed in more than 20 ways gives a revision that, applied, makes
 * {@code check} pass; its downgrade returns the database to the original schema (compared by reflection) with
 * the data of untouched columns kept.
 */
class MigrateAutogenerateTest {
    @TempDir
    Path versions;

    static MetaData original() {
        MetaData md = new MetaData();
        md.table("ag_parent",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(40), notNull()));
        md.table("ag_child",
                column("id", INTEGER, primaryKey()),
                column("parent_id", INTEGER),
                column("c_len", VARCHAR(20)),
                column("c_nn", VARCHAR(10)),
                column("c_null", VARCHAR(10), notNull()),
                column("c_def", INTEGER),
                column("c_undef", INTEGER, serverDefault("5")),
                column("c_chdef", INTEGER, serverDefault("1")),
                column("c_gone", VARCHAR(10)),
                column("c_int", INTEGER),
                column("c_keep", VARCHAR(20)),
                column("other_parent", INTEGER),
                foreignKeyConstraint(List.of("parent_id"), List.of("ag_parent.id")).named("fk_ag_child_parent"),
                index("ix_ag_child_parent", "parent_id"),
                index("ix_ag_child_keep", "c_keep"),
                index("ix_ag_child_len", "c_len"),
                uniqueConstraint("c_keep").named("uq_ag_child_keep"),
                check("c_undef >= 0").named("ck_ag_child_undef"),
                comment("child v1"));
        md.table("ag_old",
                column("id", INTEGER, primaryKey()),
                column("x", VARCHAR(10)));
        return md;
    }

    static MetaData changed() {
        MetaData md = new MetaData();
        md.table("ag_parent",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(40), notNull()));
        md.table("ag_child",
                column("id", INTEGER, primaryKey()),
                column("parent_id", INTEGER),                               // 1. foreign key removed
                column("c_len", VARCHAR(60)),                               // 2. type widened
                column("c_nn", VARCHAR(10), notNull()),                     // 3. becomes NOT NULL
                column("c_null", VARCHAR(10)),                              // 4. becomes nullable
                column("c_def", INTEGER, serverDefault("7")),               // 5. default added
                column("c_undef", INTEGER),                                 // 6. default removed
                column("c_chdef", INTEGER, serverDefault("2")),             // 7. default changed
                                                                            // 8. c_gone dropped
                column("c_int", BIGINT),                                    // 9. INTEGER -> BIGINT
                column("c_keep", VARCHAR(20), comment("kept as is")),       // 10. column comment added
                column("other_parent", INTEGER),
                column("c_new", VARCHAR(30)),                               // 11. column added
                foreignKeyConstraint(List.of("other_parent"), List.of("ag_parent.id"))
                        .named("fk_ag_child_other").onDelete("CASCADE"),    // 12. foreign key added
                index("ix_ag_child_parent", "parent_id"),
                index("ix_ag_child_other", "other_parent"),                 // 13. index added
                                                                            // 14. ix_ag_child_keep removed
                index("ix_ag_child_len", "c_len").unique(),                 // 15. index made unique
                uniqueConstraint("c_new").named("uq_ag_child_new"),         // 16. unique added
                                                                            // 17. uq_ag_child_keep removed
                check("c_def > 0").named("ck_ag_child_def"),                // 18. check added
                                                                            // 19. ck_ag_child_undef removed
                comment("child v2"));                                       // 20. table comment changed
        md.table("ag_new",                                                  // 21. table added
                column("id", INTEGER, primaryKey()),
                column("parent_id", INTEGER, notNull()),
                column("label", VARCHAR(50), notNull(), serverDefault("'none'")),
                foreignKeyConstraint(List.of("parent_id"), List.of("ag_parent.id")).named("fk_ag_new_parent"),
                index("ix_ag_new_parent", "parent_id"));
                                                                            // 22. ag_old dropped
        return md;
    }

    private Migrator migrator(Engine engine) {
        return Migrator.builder(engine).scripts(ScriptDirectory.fromDirectory(versions)).build();
    }

    @BackendTest
    void aModelChangedInTwentyWaysRoundTrips(TestDatabase db) throws Exception {
        Engine engine = db.engine();

        Path first = migrator(engine).autogenerate("create the schema", original(), AutogenerateOptions.defaults());
        assertThat(Files.readString(first)).contains("op.createTable(\"ag_child\"");
        migrator(engine).upgrade("head");
        assertThat(migrator(engine).compare(original(), AutogenerateOptions.defaults())).isEmpty();

        try (Connection conn = engine.connect()) {
            conn.execute(Sql.text("INSERT INTO ag_parent (id, name) VALUES (1, 'p')"));
            conn.execute(Sql.text("INSERT INTO ag_child (id, parent_id, c_len, c_nn, c_null, c_def, c_keep, c_int) "
                    + "VALUES (1, 1, 'abc', 'n1', 'x', 3, 'keep-1', 10), (2, 1, 'def', 'n2', 'y', 4, 'keep-2', 20)"));
            conn.commit();
        }

        Path second = migrator(engine).autogenerate("change twenty things", changed(), AutogenerateOptions.defaults());
        String source = Files.readString(second);
        List<SchemaChange> changes = migrator(engine).compare(changed(), AutogenerateOptions.defaults());
        assertThat(changes.size()).as(source).isGreaterThanOrEqualTo(db.name().startsWith("sqlite") ? 18 : 20);
        assertThat(source).contains("op.dropTable(\"ag_old\")").contains("op.createTable(\"ag_new\"");

        migrator(engine).upgrade("head");
        assertThat(migrator(engine).compare(changed(), AutogenerateOptions.defaults())).as(source).isEmpty();
        assertThat(migrator(engine).check(changed())).isTrue();
        assertThat(migrator(engine).check(original())).isFalse();

        migrator(engine).downgrade("-1");
        assertThat(migrator(engine).compare(original(), AutogenerateOptions.defaults())).as(source).isEmpty();
        try (Connection conn = engine.connect()) {
            List<Map<String, Object>> rows = conn.execute(Sql.text(
                    "SELECT id, c_keep, c_len, c_int FROM ag_child ORDER BY id")).mappings().all();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("c_keep")).isEqualTo("keep-1");
            assertThat(rows.get(1).get("c_len")).isEqualTo("def");
            assertThat(((Number) rows.get(1).get("c_int")).intValue()).isEqualTo(20);
        }
    }
}
