package org.retort.migrate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.retort.engine.Engine;
import org.retort.migrate.MigrationException;
import org.retort.migrate.Migrator;
import org.retort.migrate.RevisionScript;
import org.retort.migrate.ScriptDirectory;
import org.retort.migrate.autogenerate.AutogenerateOptions;
import org.retort.migrate.autogenerate.SchemaChange;
import org.retort.schema.MetaData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code retort-migrate} command (Alembic's {@code alembic}): {@code init}, {@code revision [--autogenerate]},
 * {@code upgrade}, {@code downgrade}, {@code current}, {@code history}, {@code heads}, {@code branches},
 * {@code merge}, {@code stamp}, {@code check}, {@code codegen}; {@code upgrade}/{@code downgrade} with {@code --sql} print the
 * script instead of running it. Run it as {@code java -jar retort-migrate-<version>-cli.jar ...} or through
 * {@code mvn exec:java}.
 */
@Command(name = "retort-migrate", mixinStandardHelpOptions = true, version = "retort-migrate 0.1.0",
        description = "Schema migrations for Retort: revisions, upgrade/downgrade, autogenerate, offline SQL.",
        subcommands = {RetortMigrate.Init.class, RetortMigrate.RevisionCmd.class, RetortMigrate.Upgrade.class,
                RetortMigrate.Downgrade.class, RetortMigrate.Current.class, RetortMigrate.History.class,
                RetortMigrate.Heads.class, RetortMigrate.Branches.class, RetortMigrate.Merge.class,
                RetortMigrate.Stamp.class, RetortMigrate.Check.class, RetortMigrate.Codegen.class})
public final class RetortMigrate implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "configuration file (default: ${DEFAULT-VALUE})",
            defaultValue = CliConfig.FILE)
    Path config;

    @Option(names = "--url", description = "database URL, overriding url= of the configuration")
    String url;

    @Option(names = {"-v", "--verbose"}, description = "echo each SQL statement")
    boolean verbose;

    PrintStream out = System.out;

    /** Made by picocli. */
    public RetortMigrate() {
    }

    /**
     * Runs the tool.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool with the given streams and returns its exit code instead of exiting (for tests and embedding).
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return 0 on success, 1 when {@code check} finds differences, 2 on an error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        RetortMigrate top = new RetortMigrate();
        top.out = out;
        CommandLine cl = new CommandLine(top);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("ERROR: " + e.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        out.println(new CommandLine(this).getUsageMessage());
        return 0;
    }

    CliConfig config() {
        return CliConfig.load(config);
    }

    /** An engine, a script directory and a migrator, closed together. */
    final class Session implements AutoCloseable {
        final CliConfig cfg = config();
        final ClassLoader loader = cfg.classLoader();
        final Engine engine;
        final Migrator migrator;

        Session(boolean online) {
            ScriptDirectory scripts = ScriptDirectory.fromDirectory(cfg.versions(), cfg.javaPackage(), loader);
            String u = cfg.url(url);
            this.engine = online ? Engine.create(u) : null;
            Migrator.Builder b = online ? Migrator.builder(engine)
                    : Migrator.offline(org.retort.dialect.Dialects.forUrl(org.retort.engine.URL.parse(u)));
            this.migrator = b.scripts(scripts).versionTable(cfg.versionTable())
                    .listener(new ConsoleProgress(out, verbose, System.console() != null)).build();
        }

        MetaData metadata() {
            return cfg.metadata(loader);
        }

        @Override
        public void close() {
            if (engine != null) {
                engine.dispose();
            }
        }
    }

    /** {@code init}: writes the configuration file and the versions directory. */
    @Command(name = "init", description = "Create " + CliConfig.FILE + " and the versions directory.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "project directory")
        Path directory;

        @Override
        public Integer call() throws IOException {
            Path file = directory.resolve(CliConfig.FILE);
            if (Files.exists(file)) {
                throw new MigrationException(file + " exists already; edit it instead of running init again");
            }
            Files.createDirectories(directory.resolve("migrations/versions"));
            Files.writeString(file, CliConfig.template(), StandardCharsets.UTF_8);
            top.out.println("Created " + file + " and " + directory.resolve("migrations/versions")
                    + "; set url= and metadata= in the file, then run `retort-migrate revision -m \"first\"`");
            return 0;
        }
    }

    /** {@code revision}: writes a new revision, empty or autogenerated. */
    @Command(name = "revision", description = "Write a new revision (empty, or --autogenerate from the model).")
    static final class RevisionCmd implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Option(names = {"-m", "--message"}, required = true, description = "what the revision does")
        String message;

        @Option(names = "--autogenerate", description = "compare the model with the database and write the changes")
        boolean autogenerate;

        @Option(names = "--head", defaultValue = "head", description = "what the revision follows: head, base (a new "
                + "branch), a revision or label@head (default: ${DEFAULT-VALUE})")
        String head;

        @Option(names = "--branch-label", description = "a label naming the branch this revision starts or continues")
        List<String> labels;

        @Option(names = "--depends-on", description = "a revision on another branch to apply before this one")
        List<String> dependsOn;

        @Override
        public Integer call() {
            try (Session s = top.new Session(autogenerate)) {
                if (autogenerate && (!head.equals("head") || labels != null || dependsOn != null)) {
                    throw new MigrationException("--autogenerate writes the revision after the database's head; "
                            + "--head, --branch-label and --depends-on are for empty revisions");
                }
                Path file = autogenerate ? s.migrator.autogenerate(message, s.metadata(), AutogenerateOptions.defaults())
                        : s.migrator.revision(message, head, labels == null ? List.of() : labels,
                                dependsOn == null ? List.of() : dependsOn);
                top.out.println("Generated " + file);
                return 0;
            }
        }
    }

    private static String[] range(String spec, String defaultFrom) {
        int colon = spec.indexOf(':');
        return colon < 0 ? new String[] {defaultFrom, spec}
                : new String[] {spec.substring(0, colon), spec.substring(colon + 1)};
    }

    /** {@code upgrade}: applies revisions, or prints them with {@code --sql}. */
    @Command(name = "upgrade", description = "Upgrade to a target: head, heads, <rev>, label@head, +N. "
            + "With --sql, print the script for [from:]target instead.")
    static final class Upgrade implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Parameters(index = "0", arity = "0..1", defaultValue = "head", description = "target (default: head)")
        String target;

        @Option(names = "--sql", description = "offline: print the SQL instead of running it")
        boolean sql;

        @Override
        public Integer call() {
            try (Session s = top.new Session(!sql)) {
                if (sql) {
                    String[] r = range(target, "base");
                    top.out.print(s.migrator.upgradeSql(r[0], r[1]));
                } else {
                    s.migrator.upgrade(target);
                }
                return 0;
            }
        }
    }

    /** {@code downgrade}: undoes revisions, or prints them with {@code --sql}. */
    @Command(name = "downgrade", description = "Downgrade to a target: base, <rev>, -N. "
            + "With --sql, give from:target and the script is printed instead.")
    static final class Downgrade implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Parameters(index = "0", description = "target")
        String target;

        @Option(names = "--sql", description = "offline: print the SQL instead of running it")
        boolean sql;

        @Override
        public Integer call() {
            try (Session s = top.new Session(!sql)) {
                if (sql) {
                    String[] r = range(target, "heads");
                    top.out.print(s.migrator.downgradeSql(r[0], r[1]));
                } else {
                    s.migrator.downgrade(target);
                }
                return 0;
            }
        }
    }

    /** {@code current}: the revisions the database is at. */
    @Command(name = "current", description = "Show the revision(s) the database is at.")
    static final class Current implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Override
        public Integer call() {
            try (Session s = top.new Session(true)) {
                List<String> at = s.migrator.current();
                if (at.isEmpty()) {
                    top.out.println("(base: no revision applied)");
                }
                List<String> heads = s.migrator.heads();
                for (String id : at) {
                    RevisionScript r = s.migrator.graph().get(id);
                    top.out.println(r + (heads.contains(id) ? " (head)" : ""));
                }
                return 0;
            }
        }
    }

    /** {@code history}: every revision, newest first. */
    @Command(name = "history", description = "List the revisions, newest first.")
    static final class History implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Override
        public Integer call() {
            try (Session s = top.new Session(false)) {
                List<String> heads = s.migrator.heads();
                for (RevisionScript r : s.migrator.history()) {
                    String from = r.down().isEmpty() ? "<base>" : String.join(", ", r.down());
                    top.out.println(from + " -> " + r.id() + (heads.contains(r.id()) ? " (head)" : "")
                            + (r.isMerge() ? " (merge)" : "") + (r.labels().isEmpty() ? "" : " " + r.labels())
                            + ", " + r.message());
                }
                return 0;
            }
        }
    }

    /** {@code heads}: the revisions nothing follows. */
    @Command(name = "heads", description = "Show the head revisions.")
    static final class Heads implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Override
        public Integer call() {
            try (Session s = top.new Session(false)) {
                for (String h : s.migrator.heads()) {
                    top.out.println(s.migrator.graph().get(h) + " (head)");
                }
                return 0;
            }
        }
    }

    /** {@code branches}: the branch points. */
    @Command(name = "branches", description = "Show the revisions where the history branches.")
    static final class Branches implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Override
        public Integer call() {
            try (Session s = top.new Session(false)) {
                for (String b : s.migrator.branches()) {
                    top.out.println(s.migrator.graph().get(b) + " -> " + s.migrator.graph().childrenOf(b));
                }
                return 0;
            }
        }
    }

    /** {@code merge}: a revision joining heads. */
    @Command(name = "merge", description = "Write a merge revision joining revisions (default: all heads).")
    static final class Merge implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Option(names = {"-m", "--message"}, required = true, description = "what the merge does")
        String message;

        @Parameters(arity = "0..*", description = "revisions to merge (default: heads)")
        List<String> revisions;

        @Override
        public Integer call() {
            try (Session s = top.new Session(false)) {
                List<String> parents = revisions == null || revisions.isEmpty() || revisions.equals(List.of("heads"))
                        ? s.migrator.heads() : revisions.stream().map(s.migrator.graph()::find).toList();
                if (parents.size() < 2) {
                    throw new MigrationException("A merge joins two or more revisions; there is only " + parents);
                }
                Path file = s.migrator.scripts().writeRevision(ScriptDirectory.newRevisionId(), message, parents,
                        List.of(), List.of(), List.of(), "", "");
                top.out.println("Generated " + file);
                return 0;
            }
        }
    }

    /** {@code stamp}: records revisions without running them. */
    @Command(name = "stamp", description = "Record a revision in the version table without running anything.")
    static final class Stamp implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Parameters(index = "0", description = "target: head, <rev>, base")
        String target;

        @Override
        public Integer call() {
            try (Session s = top.new Session(true)) {
                s.migrator.stamp(target);
                top.out.println("Stamped " + target);
                return 0;
            }
        }
    }

    /** {@code check}: exit 1 when the model and the database differ. */
    @Command(name = "check", description = "Exit with 1 when autogenerate would find changes, listing them.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Override
        public Integer call() {
            try (Session s = top.new Session(true)) {
                List<SchemaChange> changes = s.migrator.compare(s.metadata(), AutogenerateOptions.defaults());
                if (changes.isEmpty()) {
                    top.out.println("No changes: the database matches the model.");
                    return 0;
                }
                top.out.println("The database differs from the model in " + changes.size() + " way(s):");
                for (SchemaChange c : changes) {
                    top.out.println("  - " + c.describe());
                }
                return 1;
            }
        }
    }

    /** {@code codegen}: typed table classes (and entities) from the database or the model. */
    @Command(name = "codegen", description = "Write typed Core table classes (and @Entity classes with --entities) "
            + "from the live database, or from the model with --from-metadata.")
    static final class Codegen implements Callable<Integer> {
        @ParentCommand
        RetortMigrate top;

        @Option(names = "--package", defaultValue = "", description = "package of the generated classes")
        String javaPackage;

        @Option(names = "--class", defaultValue = "Db", description = "schema class name (default: ${DEFAULT-VALUE})")
        String className;

        @Option(names = "--entities", description = "also write one @Entity class per table")
        boolean entities;

        @Option(names = "--schema", description = "database schema to read (default: the default schema)")
        String schema;

        @Option(names = "--from-metadata", description = "read the model named by metadata= instead of the database")
        boolean fromMetadata;

        @Option(names = {"-o", "--output"}, defaultValue = "src/main/java", description = "source root (default: "
                + "${DEFAULT-VALUE})")
        Path output;

        @Override
        public Integer call() {
            CliConfig cfg = top.config();
            org.retort.migrate.codegen.CodegenOptions options =
                    new org.retort.migrate.codegen.CodegenOptions(javaPackage, className, entities);
            MetaData md;
            if (fromMetadata) {
                md = cfg.metadata(cfg.classLoader());
            } else {
                try (Engine engine = Engine.create(cfg.url(top.url))) {
                    md = org.retort.migrate.codegen.CodeGenerator.reflect(engine, schema, cfg.versionTable());
                }
            }
            List<Path> files = org.retort.migrate.codegen.CodeGenerator.write(md, options, output);
            top.out.println("Wrote " + files.size() + " file(s) for " + md.tables().size() + " table(s) under "
                    + output);
            return 0;
        }
    }
}
