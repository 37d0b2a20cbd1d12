package org.retort.migrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.inspect.Inspector;
import org.retort.inspect.ReflectedColumn;
import org.retort.migrate.internal.BatchRebuild;
import org.retort.migrate.internal.DdlImpl;
import org.retort.migrate.internal.RawSql;
import org.retort.migrate.internal.Scratch;
import org.retort.schema.CheckConstraint;
import org.retort.schema.ColumnDef;
import org.retort.schema.Constraint;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.MetaData;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.sql.Executable;
import org.retort.sql.Sql;

/**
 * The schema operations a revision runs (Alembic's {@code op}): each renders SQL for the database at hand and
 * either executes it on the migration's connection or, offline, appends it to the script.
 *
 * <pre>{@code
 * op.createTable("account",
 *         column("id", INTEGER, primaryKey()),
 *         column("name", VARCHAR(50), notNull()));
 * op.addColumn("account", column("email", VARCHAR(100)));
 * op.alterColumn("account", "name", AlterColumn.change().type(VARCHAR(100)));
 * op.createIndex("ix_account_email", "account", "email");
 * }</pre>
 *
 * <p>Table names may carry a schema, {@code "sales.account"}. One instance serves one revision; it is not
 * thread-safe.
 */
public final class Operations {
    private final DdlImpl impl;
    private final Connection connection;
    private final StringBuilder script;
    private final ProgressListener listener;
    private final MetaData created = new MetaData();
    private RevisionScript revision;
    private String current;

    private Operations(DdlImpl impl, Connection connection, StringBuilder script, ProgressListener listener) {
        this.impl = impl;
        this.connection = connection;
        this.script = script;
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /**
     * Operations that run on a connection, inside its transaction (the caller commits).
     *
     * @param connection the connection
     * @param listener hears each operation and statement
     * @return the operations
     */
    public static Operations online(Connection connection, ProgressListener listener) {
        Objects.requireNonNull(connection, "connection");
        return new Operations(DdlImpl.of(connection.dialect()), connection, null, listener);
    }

    /**
     * Operations that write SQL for a dialect to a script instead of running it (offline, {@code --sql}).
     *
     * @param dialect the database the script is for
     * @param script receives each statement with its terminator
     * @return the operations
     */
    public static Operations offline(Dialect dialect, StringBuilder script) {
        return new Operations(DdlImpl.of(dialect), null, Objects.requireNonNull(script, "script"), null);
    }

    void revision(RevisionScript r) {
        this.revision = r;
    }

    String currentOperation() {
        return current;
    }

    DdlImpl impl() {
        return impl;
    }

    /** {@return the dialect the operations render for} */
    public Dialect dialect() {
        return impl.dialect();
    }

    /** {@return true when writing an offline script rather than running on a database} */
    public boolean isOffline() {
        return connection == null;
    }

    /**
     * The connection the migration runs on (Alembic's {@code op.get_bind()}), for data migrations that read.
     *
     * @return the connection
     * @throws MigrationException offline, where there is no database to read
     */
    public Connection connection() {
        if (connection == null) {
            throw new MigrationException("Revision " + revisionId() + " reads from the database, which offline (--sql) "
                    + "mode cannot do; check op.isOffline() and skip the read there");
        }
        return connection;
    }

    private String revisionId() {
        return revision == null ? "(none)" : revision.id();
    }

    void run(String description, List<String> statements) {
        current = description;
        listener.operationStarted(revision, description);
        for (String sql : statements) {
            emit(sql, description);
        }
    }

    void emit(String sql, String description) {
        listener.sql(sql);
        if (connection == null) {
            script.append(impl.terminate(sql));
            return;
        }
        try {
            connection.execute(new RawSql(sql));
        } catch (RuntimeException e) {
            throw new MigrationException("Revision " + revisionId() + " failed at operation '" + description + "': "
                    + e.getMessage(), revision == null ? null : revision.id(), description, e);
        }
    }

    private <T> T rendering(String description, java.util.function.Supplier<T> render) {
        try {
            return render.get();
        } catch (MigrationException e) {
            throw new MigrationException("Revision " + revisionId() + ", operation '" + description + "': "
                    + e.getMessage(), revision == null ? null : revision.id(), description, e);
        } catch (RuntimeException e) {
            throw new MigrationException("Revision " + revisionId() + ", operation '" + description + "': " + e,
                    revision == null ? null : revision.id(), description, e);
        }
    }

    static String[] split(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? new String[] {null, qualified}
                : new String[] {qualified.substring(0, dot), qualified.substring(dot + 1)};
    }

    // ------------------------------------------------------------------ tables

    /**
     * {@code CREATE TABLE} with its indexes and comments. Foreign keys may refer to tables the migration does not
     * declare; only their names are rendered.
     *
     * @param name the table, optionally {@code schema.table}
     * @param elements columns, constraints, indexes, {@code comment(..)}
     * @return the table, usable with {@link #bulkInsert}
     */
    public Table createTable(String name, TableElement... elements) {
        String description = "create table " + name;
        String[] sn = split(name);
        Table t = rendering(description, () -> {
            Table existing = created.findTable(sn[1], sn[0]);
            if (existing != null) {
                created.remove(existing);
            }
            List<TableElement> els = new ArrayList<>(Arrays.asList(elements));
            if (sn[0] != null) {
                els.add(Schema.schema(sn[0]));
            }
            Table table = created.table(sn[1], els.toArray(TableElement[]::new));
            Scratch.addStubs(created, table);
            return table;
        });
        run(description, rendering(description, () -> impl.createTable(t)));
        return t;
    }

    /**
     * {@code DROP TABLE}.
     *
     * @param name the table, optionally {@code schema.table}
     */
    public void dropTable(String name) {
        String[] sn = split(name);
        run("drop table " + name, impl.dropTable(sn[0], sn[1]));
    }

    /**
     * Renames a table.
     *
     * @param name the table, optionally {@code schema.table}
     * @param newName the new name, without schema
     */
    public void renameTable(String name, String newName) {
        String[] sn = split(name);
        run("rename table " + name + " to " + newName, impl.renameTable(sn[0], sn[1], newName));
    }

    /**
     * Sets or (with null) removes a table's comment.
     *
     * @param table the table
     * @param comment the comment, or null
     */
    public void setTableComment(String table, String comment) {
        String[] sn = split(table);
        String d = "comment on table " + table;
        run(d, rendering(d, () -> impl.setTableComment(sn[0], sn[1], comment)));
    }

    /**
     * {@code CREATE SEQUENCE} (PostgreSQL, H2, Oracle, MariaDB, SQL Server).
     *
     * @param sequence the sequence, e.g. {@code Sequence.named("order_no").startWith(1000)}
     */
    public void createSequence(org.retort.schema.Sequence sequence) {
        String d = "create sequence " + sequence.name();
        run(d, rendering(d, () -> List.of(dialect().ddlCompiler().compile(new org.retort.schema.CreateSequence(sequence)))));
    }

    /**
     * {@code DROP SEQUENCE}.
     *
     * @param sequence the sequence
     */
    public void dropSequence(org.retort.schema.Sequence sequence) {
        String d = "drop sequence " + sequence.name();
        run(d, rendering(d, () -> List.of(dialect().ddlCompiler().compile(new org.retort.schema.DropSequence(sequence)))));
    }

    // ------------------------------------------------------------------ columns

    /**
     * {@code ALTER TABLE ... ADD COLUMN}, with the column's foreign keys and comment.
     *
     * @param table the table
     * @param column the column declaration
     */
    public void addColumn(String table, ColumnDef<?> column) {
        String[] sn = split(table);
        String d = "add column " + table + "." + column.name();
        run(d, rendering(d, () -> impl.addColumn(Scratch.withColumn(sn[0], sn[1], column).c(column.name()))));
    }

    /**
     * {@code ALTER TABLE ... DROP COLUMN}.
     *
     * @param table the table
     * @param column the column
     */
    public void dropColumn(String table, String column) {
        String[] sn = split(table);
        String d = "drop column " + table + "." + column;
        run(d, rendering(d, () -> impl.dropColumn(sn[0], sn[1], column)));
    }

    /**
     * Changes a column's type, nullability, server default, comment or name. Online, {@code existing*} hints left
     * out are read from the database, for the databases that restate the whole column.
     *
     * @param table the table
     * @param column the column
     * @param change what changes
     */
    public void alterColumn(String table, String column, AlterColumn change) {
        String[] sn = split(table);
        String d = "alter column " + table + "." + column;
        AlterColumn full = connection == null ? change : withExisting(sn[0], sn[1], column, change);
        run(d, rendering(d, () -> impl.alterColumn(sn[0], sn[1], column, full)));
    }

    private AlterColumn withExisting(String schema, String table, String column, AlterColumn a) {
        if (a.existingType() != null && a.existingNullable() != null) {
            return a;
        }
        ReflectedColumn rc = Inspector.of(connection).columns(table, schema).stream()
                .filter(c -> c.name().equalsIgnoreCase(column)).findFirst()
                .orElseThrow(() -> new MigrationException("Revision " + revisionId() + ", operation 'alter column "
                        + table + "." + column + "': table '" + table + "' has no column '" + column + "'",
                        revisionId(), "alter column " + table + "." + column, null));
        AlterColumn out = a;
        if (out.existingType() == null) {
            out = out.existingType(rc.type());
        }
        if (out.existingNullable() == null) {
            out = out.existingNullable(rc.nullable());
        }
        if (out.existingServerDefault() == null && rc.defaultSql() != null && !rc.autoincrement()) {
            out = out.existingServerDefault(rc.defaultSql());
        }
        if (out.existingComment() == null && rc.comment() != null) {
            out = out.existingComment(rc.comment());
        }
        return out;
    }

    // ------------------------------------------------------------------ indexes and constraints

    /**
     * {@code CREATE INDEX name ON table (columns)}.
     *
     * @param name the index name
     * @param table the table
     * @param columns the columns
     */
    public void createIndex(String name, String table, String... columns) {
        createIndex(table, Schema.index(name, columns));
    }

    /**
     * {@code CREATE [UNIQUE] INDEX} from a declaration: {@code Schema.index("ix", "a").unique()},
     * {@code .expression("lower(b)")}, {@code .where(...)}.
     *
     * @param table the table
     * @param index the index, with a name
     */
    public void createIndex(String table, Index index) {
        String[] sn = split(table);
        String d = "create index " + index.name() + " on " + table;
        run(d, rendering(d, () -> {
            if (index.name() == null) {
                throw new MigrationException("an index created by a migration needs a name");
            }
            Table t = Scratch.withColumns(sn[0], sn[1], index.columnNames(), index);
            return impl.createIndex(t.indexes().get(0));
        }));
    }

    /**
     * {@code DROP INDEX}.
     *
     * @param name the index
     * @param table its table (MySQL and SQL Server need it)
     */
    public void dropIndex(String name, String table) {
        String[] sn = split(table);
        run("drop index " + name, impl.dropIndex(sn[0], sn[1], name));
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT name UNIQUE (columns)}.
     *
     * @param name the constraint name
     * @param table the table
     * @param columns the columns
     */
    public void createUniqueConstraint(String name, String table, String... columns) {
        addConstraint("create unique constraint " + name, table, List.of(columns),
                Schema.uniqueConstraint(columns).named(name));
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT name PRIMARY KEY (columns)}.
     *
     * @param name the constraint name
     * @param table the table
     * @param columns the key columns
     */
    public void createPrimaryKey(String name, String table, String... columns) {
        addConstraint("create primary key " + name, table, List.of(columns),
                Schema.primaryKeyConstraint(columns).named(name));
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT name CHECK (condition)}.
     *
     * @param name the constraint name
     * @param table the table
     * @param condition the condition, SQL text
     */
    public void createCheckConstraint(String name, String table, String condition) {
        addConstraint("create check constraint " + name, table, List.of(), Schema.check(condition).named(name));
    }

    /**
     * {@code ALTER TABLE source ADD CONSTRAINT name FOREIGN KEY (local) REFERENCES referent (remote)}.
     *
     * @param name the constraint name
     * @param source the table holding the key
     * @param referent the referred table, optionally {@code schema.table}
     * @param localColumns the key columns
     * @param remoteColumns the referred columns
     */
    public void createForeignKey(String name, String source, String referent, List<String> localColumns,
                                 List<String> remoteColumns) {
        createForeignKey(source, Schema.foreignKeyConstraint(localColumns,
                remoteColumns.stream().map(c -> referent + "." + c).toList()).named(name));
    }

    /**
     * Adds a foreign key declared with all its options, e.g.
     * {@code foreignKeyConstraint(List.of("a"), List.of("t.id")).named("fk").onDelete("CASCADE")}.
     *
     * @param table the table holding the key
     * @param foreignKey the foreign key, with a name
     */
    public void createForeignKey(String table, ForeignKeyConstraint foreignKey) {
        addConstraint("create foreign key " + foreignKey.declaredName(), table, foreignKey.columnNames(), foreignKey);
    }

    private void addConstraint(String description, String table, List<String> columns, TableElement constraint) {
        String[] sn = split(table);
        run(description, rendering(description, () -> {
            Table t = Scratch.withColumns(sn[0], sn[1], columns, constraint);
            Constraint c = switch (constraint) {
                case org.retort.schema.PrimaryKeyConstraint pk -> t.primaryKey();
                case CheckConstraint ck -> t.checkConstraints().get(0);
                case ForeignKeyConstraint fk -> t.foreignKeys().get(0);
                default -> t.uniqueConstraints().get(0);
            };
            return impl.addConstraint(c);
        }));
    }

    /**
     * {@code ALTER TABLE ... DROP CONSTRAINT} (on MySQL/MariaDB, the DROP its kind needs).
     *
     * @param name the constraint name
     * @param table the table
     * @param kind the constraint's kind
     */
    public void dropConstraint(String name, String table, ConstraintKind kind) {
        String[] sn = split(table);
        String d = "drop constraint " + name + " on " + table;
        run(d, rendering(d, () -> impl.dropConstraint(sn[0], sn[1], name, kind)));
    }

    // ------------------------------------------------------------------ data and raw SQL

    /**
     * Runs SQL as written (no parameters), e.g. a data fix or a statement Retort has no operation for.
     *
     * @param sql the SQL
     */
    public void execute(String sql) {
        run("execute " + abbreviate(sql), List.of(sql));
    }

    /**
     * Runs a statement built with Retort's expression language; offline it is rendered with literal values.
     *
     * @param statement the statement
     */
    public void execute(Executable statement) {
        String d = "execute " + abbreviate(String.valueOf(statement));
        if (connection == null) {
            run(d, List.of(rendering(d, () -> literalSql(statement))));
            return;
        }
        current = d;
        listener.operationStarted(revision, d);
        try {
            connection.execute(statement);
        } catch (RuntimeException e) {
            throw new MigrationException("Revision " + revisionId() + " failed at operation '" + d + "': "
                    + e.getMessage(), revision == null ? null : revision.id(), d, e);
        }
    }

    private String literalSql(Executable statement) {
        if (statement instanceof org.retort.sql.Statement s) {
            return s.compile(dialect(), true).sql();
        }
        return statement.compile(dialect()).sql();
    }

    private static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").trim();
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    /**
     * A table's columns for {@link #bulkInsert} and {@link #execute(Executable)} (Alembic's {@code table()}): it
     * declares nothing in the database.
     *
     * @param name the table, optionally {@code schema.table}
     * @param columns its columns (the ones the data uses suffice)
     * @return the table
     */
    public Table table(String name, ColumnDef<?>... columns) {
        String[] sn = split(name);
        return Scratch.table(sn[0], sn[1], List.of(columns));
    }

    /**
     * Inserts rows (Alembic's {@code bulk_insert}): one executemany online, one literal INSERT per row offline.
     *
     * @param table the table, from {@link #createTable} or {@link #table}
     * @param rows the rows, column name to value
     */
    public void bulkInsert(Table table, List<? extends Map<String, ?>> rows) {
        String d = "bulk insert " + rows.size() + " rows into " + table.name();
        if (rows.isEmpty()) {
            return;
        }
        if (connection == null) {
            List<String> out = new ArrayList<>();
            for (Map<String, ?> row : rows) {
                out.add(rendering(d, () -> Sql.insert(table).values(row).compile(dialect(), true).sql()));
            }
            run(d, out);
            return;
        }
        current = d;
        listener.operationStarted(revision, d);
        try {
            connection.execute(Sql.insert(table), rows);
        } catch (RuntimeException e) {
            throw new MigrationException("Revision " + revisionId() + " failed at operation '" + d + "': "
                    + e.getMessage(), revision == null ? null : revision.id(), d, e);
        }
    }

    // ------------------------------------------------------------------ batch

    /**
     * Changes a table in one batch (Alembic's {@code batch_alter_table}). On SQLite, when a change is beyond its
     * ALTER TABLE, the table is rebuilt by "move and copy": a new table with the changed definition, the rows
     * copied over with INSERT ... SELECT, the old table dropped and the new one renamed, its indexes recreated.
     * Elsewhere each change runs as its own ALTER.
     *
     * @param table the table
     * @param changes the changes, recorded on a {@link BatchOperations}
     */
    public void batchAlterTable(String table, Consumer<BatchOperations> changes) {
        batchAlterTable(table, null, changes);
    }

    /**
     * {@link #batchAlterTable(String, Consumer)} with the table's current definition given instead of reflected
     * (Alembic's {@code copy_from}), which lets a SQLite rebuild be written offline ({@code --sql}).
     *
     * @param table the table
     * @param copyFrom the table as it is now, e.g. from {@link #table}, or null to reflect it
     * @param changes the changes, recorded on a {@link BatchOperations}
     */
    public void batchAlterTable(String table, Table copyFrom, Consumer<BatchOperations> changes) {
        BatchOperations batch = new BatchOperations(table);
        changes.accept(batch);
        String d = "batch alter table " + table;
        if (!impl.dialect().name().equals("sqlite") || !batch.needsRebuild()) {
            batch.applyDirectly(this);
            return;
        }
        if (connection == null && copyFrom == null) {
            throw new MigrationException("Revision " + revisionId() + ", operation '" + d + "': a SQLite rebuild reads "
                    + "the table's current definition, which offline (--sql) mode cannot; pass it with "
                    + "batchAlterTable(table, op.table(...), changes)", revisionId(), d, null);
        }
        String[] sn = split(table);
        run(d, rendering(d, () -> {
            Table old = copyFrom != null ? copyFrom
                    : Inspector.of(connection).reflectTable(new MetaData(), sn[1], sn[0]);
            return BatchRebuild.plan(old, impl, sn[0], sn[1], batch.changes());
        }));
    }
}
