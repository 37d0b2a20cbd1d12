package org.retort.migrate;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.migrate.internal.DdlImpl;
import org.retort.migrate.internal.VersionTable;

/**
 * The migration commands as a library (Alembic's {@code command} module with its {@code MigrationContext}):
 * upgrade, downgrade, current, heads, history, branches and stamp against a database, and the same upgrades
 * and downgrades rendered as an offline SQL script.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder(engine)
 *         .scripts(ScriptDirectory.of(CreateAccount.class, AddEmail.class))
 *         .build();
 * migrator.upgrade("head");
 * migrator.downgrade("-1");
 * String script = migrator.upgradeSql("base", "head");      // offline, nothing runs
 * }</pre>
 *
 * <p>Each revision runs in its own transaction together with the update of the version table. Where the
 * database has transactional DDL (PostgreSQL, SQLite) a failing revision rolls back completely and the
 * database stays at the last revision that succeeded; elsewhere (MySQL/MariaDB, H2 commit DDL as they run) the
 * version table still names the last good revision, and the statements of the failed one that ran remain. The
 * thrown {@link MigrationException} names the revision and the operation.
 *
 * <p>On SQLite, foreign key enforcement is switched off for each revision and the foreign keys are checked
 * before its commit (SQLite's documented procedure for schema changes), so batch rebuilds of referenced
 * tables keep their children's rows.
 */
public final class Migrator {
    private final Engine engine;
    private final Dialect dialect;
    private final ScriptDirectory scripts;
    private final String versionSchema;
    private final String versionTableName;
    private final ProgressListener listener;

    private Migrator(Builder b) {
        this.engine = b.engine;
        this.dialect = b.dialect != null ? b.dialect : b.engine.dialect();
        this.scripts = Objects.requireNonNull(b.scripts, "scripts: give the revisions with .scripts(...)");
        this.versionSchema = b.versionSchema;
        this.versionTableName = b.versionTable;
        this.listener = b.listener;
    }

    /**
     * Starts a migrator for a database.
     *
     * @param engine the database
     * @return the builder
     */
    public static Builder builder(Engine engine) {
        Builder b = new Builder();
        b.engine = Objects.requireNonNull(engine, "engine");
        return b;
    }

    /**
     * Starts a migrator that only writes offline scripts, with no database.
     *
     * @param dialect the database the scripts are for
     * @return the builder
     */
    public static Builder offline(Dialect dialect) {
        Builder b = new Builder();
        b.dialect = Objects.requireNonNull(dialect, "dialect");
        return b;
    }

    /** Configures a {@link Migrator}. */
    public static final class Builder {
        private Engine engine;
        private Dialect dialect;
        private ScriptDirectory scripts;
        private String versionSchema;
        private String versionTable = "retort_version";
        private ProgressListener listener = ProgressListener.NONE;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param scriptDirectory the revisions
         */
        public Builder scripts(ScriptDirectory scriptDirectory) {
            this.scripts = scriptDirectory;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param name the version table's name, {@code retort_version} by default
         */
        public Builder versionTable(String name) {
            this.versionTable = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param schema the schema of the version table, or null for the default
         */
        public Builder versionTableSchema(String schema) {
            this.versionSchema = schema;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param progress hears revisions, operations and SQL as they run
         */
        public Builder listener(ProgressListener progress) {
            this.listener = progress == null ? ProgressListener.NONE : progress;
            return this;
        }

        /** {@return the migrator} */
        public Migrator build() {
            return new Migrator(this);
        }
    }

    /** {@return the revision graph} */
    public RevisionGraph graph() {
        return scripts.graph();
    }

    /** {@return the script directory} */
    public ScriptDirectory scripts() {
        return scripts;
    }

    /** {@return the engine, or null for an offline migrator} */
    public Engine engine() {
        return engine;
    }

    /** {@return the dialect} */
    public Dialect dialect() {
        return dialect;
    }

    /** {@return the version table's name} */
    public String versionTableName() {
        return versionTableName;
    }

    private Engine requireEngine(String command) {
        if (engine == null) {
            throw new MigrationException("'" + command + "' needs a database; this migrator only writes offline scripts");
        }
        return engine;
    }

    private VersionTable versionTable() {
        return new VersionTable(versionSchema, versionTableName, DdlImpl.of(dialect));
    }

    /**
     * The revisions the database is at (Alembic's {@code current}); empty for a database never migrated.
     *
     * @return the current heads
     */
    public List<String> current() {
        try (Connection conn = requireEngine("current").connect()) {
            List<String> out = new ArrayList<>(versionTable().read(conn));
            conn.commit();
            return out;
        }
    }

    /** {@return the head revisions of the script directory} */
    public List<String> heads() {
        return graph().heads();
    }

    /** {@return the revisions from newest to oldest} */
    public List<RevisionScript> history() {
        List<RevisionScript> out = new ArrayList<>(graph().revisions());
        java.util.Collections.reverse(out);
        return out;
    }

    /** {@return the revisions more than one revision follows} */
    public List<String> branches() {
        return graph().branchPoints();
    }

    /**
     * Applies revisions up to a target.
     *
     * @param target {@code head}, {@code heads}, an id, prefix or label, {@code label@head}, {@code +N}
     * @return the revisions applied, in order
     */
    public List<RevisionScript> upgrade(String target) {
        return run(target, true);
    }

    /**
     * Undoes revisions down to a target.
     *
     * @param target {@code base}, an id, prefix or label, {@code -N}
     * @return the revisions undone, in order
     */
    public List<RevisionScript> downgrade(String target) {
        return run(target, false);
    }

    private List<RevisionScript> run(String target, boolean up) {
        VersionTable vt = versionTable();
        try (Connection conn = requireEngine(up ? "upgrade" : "downgrade").connect()) {
            if (!vt.exists(conn)) {
                conn.execute(new org.retort.migrate.internal.RawSql(vt.createSql()));
            }
            conn.commit();
            Set<String> heads = vt.read(conn);
            conn.commit();
            Set<String> goal = graph().resolve(target, heads);
            List<RevisionScript> plan = up ? graph().upgradePlan(heads, goal) : graph().downgradePlan(heads, goal);
            listener.runStarted(up, plan.size());
            int i = 0;
            for (RevisionScript rev : plan) {
                i++;
                listener.revisionStarted(rev, i, plan.size(), up);
                Set<String> next = up ? graph().afterUpgrade(heads, rev.id()) : graph().afterDowngrade(heads, rev.id());
                runOne(conn, vt, rev, up, heads, next);
                heads = next;
                listener.revisionFinished(rev, i, plan.size());
            }
            listener.runFinished(plan.size());
            return plan;
        }
    }

    private void runOne(Connection conn, VersionTable vt, RevisionScript rev, boolean up, Set<String> before,
                        Set<String> after) {
        boolean sqlite = dialect.name().equals("sqlite");
        if (sqlite) {
            pragma(conn, "PRAGMA foreign_keys = OFF");
        }
        Operations op = Operations.online(conn, listener);
        op.revision(rev);
        try {
            Migration m = rev.migration().get();
            if (up) {
                m.upgrade(op);
            } else {
                m.downgrade(op);
            }
            for (String sql : vt.change(before, after)) {
                op.emit(sql, "update " + vt.name());
            }
            if (sqlite) {
                checkForeignKeys(conn, rev);
            }
            conn.commit();
        } catch (RuntimeException e) {
            try {
                conn.rollback();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof MigrationException me && me.revision() != null) {
                throw me;
            }
            String operation = op.currentOperation();
            throw new MigrationException("Revision " + rev.id() + " (" + (up ? "upgrade" : "downgrade") + ") failed"
                    + (operation == null ? "" : " at operation '" + operation + "'") + ": " + e.getMessage(), rev.id(),
                    operation, e);
        } finally {
            if (sqlite) {
                pragma(conn, "PRAGMA foreign_keys = ON");
            }
        }
    }

    private static void pragma(Connection conn, String sql) {
        try (Statement st = conn.jdbcConnection().createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new MigrationException("SQLite refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static void checkForeignKeys(Connection conn, RevisionScript rev) {
        List<String> broken = new ArrayList<>();
        for (var row : conn.execute(new org.retort.migrate.internal.RawSql("PRAGMA foreign_key_check"))) {
            broken.add(row.get(0) + " rowid " + row.get(1) + " -> " + row.get(2));
        }
        if (!broken.isEmpty()) {
            throw new MigrationException("Revision " + rev.id() + " leaves rows whose foreign keys point nowhere: "
                    + broken, rev.id(), "foreign key check", null);
        }
    }

    /**
     * Records heads in the version table without running any revision (Alembic's {@code stamp}), e.g. for a
     * database created by {@code createAll}.
     *
     * @param target the revisions to record; {@code base} empties the table
     */
    public void stamp(String target) {
        VersionTable vt = versionTable();
        try (Connection conn = requireEngine("stamp").connect()) {
            if (!vt.exists(conn)) {
                conn.execute(new org.retort.migrate.internal.RawSql(vt.createSql()));
            }
            conn.commit();
            Set<String> heads = vt.read(conn);
            Set<String> goal = graph().resolve(target, heads);
            Operations op = Operations.online(conn, listener);
            for (String sql : vt.change(heads, goal)) {
                op.emit(sql, "stamp " + target);
            }
            conn.commit();
        }
    }

    /**
     * The SQL an upgrade would run, as a script, without touching a database (Alembic's {@code upgrade --sql}).
     * Starting from base, the script creates the version table first.
     *
     * @param from where the database is: {@code base} or a revision
     * @param target the target, as for {@link #upgrade}
     * @return the script
     */
    public String upgradeSql(String from, String target) {
        return script(from, target, true);
    }

    /**
     * The SQL a downgrade would run, as a script, without touching a database.
     *
     * @param from where the database is: a revision or {@code heads}
     * @param target the target, as for {@link #downgrade}
     * @return the script
     */
    public String downgradeSql(String from, String target) {
        return script(from, target, false);
    }

    private String script(String from, String target, boolean up) {
        StringBuilder out = new StringBuilder();
        Operations op = Operations.offline(dialect, out);
        DdlImpl impl = op.impl();
        VersionTable vt = versionTable();
        Set<String> heads = new LinkedHashSet<>(graph().resolve(from, Set.of()));
        if (up && heads.isEmpty()) {
            op.emit(vt.createSql(), "create " + vt.name());
        }
        Set<String> goal = graph().resolve(target, heads);
        List<RevisionScript> plan = up ? graph().upgradePlan(heads, goal) : graph().downgradePlan(heads, goal);
        int i = 0;
        for (RevisionScript rev : plan) {
            i++;
            listener.revisionStarted(rev, i, plan.size(), up);
            out.append("-- Running ").append(up ? "upgrade " : "downgrade ")
                    .append(up ? names(rev.down()) : rev.id()).append(" -> ")
                    .append(up ? rev.id() : names(rev.down())).append("\n\n");
            if (impl.transactionalDdl()) {
                op.emit(impl.beginSql(), "begin");
            }
            op.revision(rev);
            Migration m = rev.migration().get();
            if (up) {
                m.upgrade(op);
            } else {
                m.downgrade(op);
            }
            Set<String> next = up ? graph().afterUpgrade(heads, rev.id()) : graph().afterDowngrade(heads, rev.id());
            for (String sql : vt.change(heads, next)) {
                op.emit(sql, "update " + vt.name());
            }
            heads = next;
            if (impl.transactionalDdl()) {
                op.emit(impl.commitSql(), "commit");
            }
        }
        if (!up && heads.isEmpty() && !plan.isEmpty()) {
            op.emit(vt.dropSql(), "drop " + vt.name());
        }
        return out.toString();
    }

    private static String names(List<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", ids);
    }

    // ------------------------------------------------------------------ autogenerate and new revisions

    /**
     * How the database differs from a model (Alembic's {@code compare_metadata}).
     *
     * @param model the application's schema
     * @param options what to compare
     * @return the changes; empty when they match
     */
    public List<org.retort.migrate.autogenerate.SchemaChange> compare(org.retort.schema.MetaData model,
            org.retort.migrate.autogenerate.AutogenerateOptions options) {
        try (Connection conn = requireEngine("compare").connect()) {
            List<org.retort.migrate.autogenerate.SchemaChange> out =
                    org.retort.migrate.autogenerate.Autogenerate.compare(conn, model, options, versionTableName);
            conn.commit();
            return out;
        }
    }

    /**
     * Alembic's {@code check}: true when autogenerate would find nothing to do.
     *
     * @param model the application's schema
     * @return true when the database matches the model
     */
    public boolean check(org.retort.schema.MetaData model) {
        return compare(model, org.retort.migrate.autogenerate.AutogenerateOptions.defaults()).isEmpty();
    }

    /**
     * Writes a new, empty revision following the single head (Alembic's {@code revision -m}).
     *
     * @param message its message
     * @return the file written
     * @throws MigrationException when there are several heads: name one, or merge them
     */
    public java.nio.file.Path revision(String message) {
        return revision(message, "head", List.of(), List.of());
    }

    /**
     * Writes a new, empty revision (Alembic's {@code revision -m --head --branch-label --depends-on}).
     *
     * @param message its message
     * @param head what it follows: {@code head} (the single head), {@code base} (a new, independent branch), or a
     *             revision or label
     * @param labels branch labels for it
     * @param dependsOn revisions, possibly on other branches, that must be applied before it
     * @return the file written
     */
    public java.nio.file.Path revision(String message, String head, List<String> labels, List<String> dependsOn) {
        List<String> down = parentsFor(head);
        List<String> deps = dependsOn.stream().map(graph()::find).toList();
        return scripts.writeRevision(ScriptDirectory.newRevisionId(), message, down, labels, deps, List.of(), "", "");
    }

    private List<String> parentsFor(String head) {
        if (head.equals("base")) {
            return List.of();
        }
        if (head.equals("head")) {
            List<String> heads = graph().heads();
            if (heads.size() > 1) {
                throw new MigrationException("There are " + heads.size() + " heads " + heads + "; say which one the new "
                        + "revision follows (--head <revision>), or merge them first (merge -m ...)");
            }
            return heads;
        }
        String h = head.endsWith("@head") ? graph().resolve(head, List.of()).iterator().next() : graph().find(head);
        return List.of(h);
    }

    /**
     * Writes a new revision whose upgrade turns the database into the model and whose downgrade undoes that
     * (Alembic's {@code revision --autogenerate}). The database must be at the script directory's heads.
     *
     * @param message its message
     * @param model the application's schema
     * @param options what to compare and how to write it
     * @return the file written
     * @throws MigrationException when the database is not at head
     */
    public java.nio.file.Path autogenerate(String message, org.retort.schema.MetaData model,
                                           org.retort.migrate.autogenerate.AutogenerateOptions options) {
        Set<String> at = new LinkedHashSet<>(current());
        if (!at.equals(new LinkedHashSet<>(graph().heads()))) {
            throw new MigrationException("The database is at " + at + " but the scripts' heads are " + graph().heads()
                    + "; upgrade it to head before autogenerating, so the new revision starts from the right place");
        }
        List<String> down = parentsFor("head");
        List<org.retort.migrate.autogenerate.SchemaChange> changes = compare(model, options);
        boolean batch = options.renderAsBatch() != null ? options.renderAsBatch() : dialect.name().equals("sqlite");
        String id = ScriptDirectory.newRevisionId();
        return scripts.writeRevision(id, message, down, List.of(), List.of(), List.of(),
                org.retort.migrate.autogenerate.Autogenerate.renderUpgrade(changes, batch),
                org.retort.migrate.autogenerate.Autogenerate.renderDowngrade(changes, batch));
    }

    /**
     * The heads recorded plus the revisions below them, for callers that need to know what is applied.
     *
     * @param heads the heads
     * @return every applied revision
     */
    public Set<String> applied(Collection<String> heads) {
        return graph().ancestors(heads, true);
    }
}
