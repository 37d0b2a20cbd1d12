package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;
import org.retort.migrate.ConstraintKind;
import org.retort.migrate.MigrationException;
import org.retort.schema.AddConstraint;
import org.retort.schema.Column;
import org.retort.schema.Constraint;
import org.retort.schema.CreateEnumType;
import org.retort.schema.CreateIndex;
import org.retort.schema.CreateTable;
import org.retort.schema.DdlCompiler;
import org.retort.schema.DdlElement;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.SetColumnComment;
import org.retort.schema.SetTableComment;
import org.retort.schema.Table;
import org.retort.types.EnumType;
import org.retort.types.SqlType;
import org.retort.types.TypeDecorator;
import org.retort.types.Variant;

/**
 * Renders migration operations as SQL for one database (Alembic's {@code DefaultImpl} and its per-dialect
 * subclasses): standard SQL here, each subclass overriding what its database spells differently. Whole-table DDL
 * (CREATE TABLE, indexes, constraints) goes through core's {@link DdlCompiler}; ALTER TABLE pieces are written here.
 */
public class DdlImpl {
    /** The dialect. */
    protected final Dialect dialect;
    /** Core's DDL compiler for the dialect. */
    protected final DdlCompiler ddl;

    /**
     * Makes the renderer for a dialect.
     *
     * @param dialect the dialect
     */
    protected DdlImpl(Dialect dialect) {
        this.dialect = dialect;
        this.ddl = dialect.ddlCompiler();
    }

    /**
     * The implementation for a dialect, by its name.
     *
     * @param dialect the dialect
     * @return its implementation; standard SQL for a dialect Retort does not know
     */
    public static DdlImpl of(Dialect dialect) {
        return switch (dialect.name()) {
            case "sqlite" -> new SqliteImpl(dialect);
            case "postgresql" -> new PostgresqlImpl(dialect);
            case "mysql", "mariadb" -> new MysqlImpl(dialect);
            case "h2" -> new H2Impl(dialect);
            case "oracle" -> new OracleImpl(dialect);
            case "mssql" -> new MssqlImpl(dialect);
            default -> new DdlImpl(dialect);
        };
    }

    /** {@return the dialect} */
    public Dialect dialect() {
        return dialect;
    }

    /** {@return true when DDL runs inside a transaction and rolls back with it} */
    public boolean transactionalDdl() {
        return dialect.supportsTransactionalDdl();
    }

    /** {@return the statement that opens a transaction in an offline script} */
    public String beginSql() {
        return "BEGIN";
    }

    /** {@return the statement that commits in an offline script} */
    public String commitSql() {
        return "COMMIT";
    }

    /**
     * Ends one statement of an offline script.
     *
     * @param sql the statement
     * @return the statement with its terminator and spacing
     */
    public String terminate(String sql) {
        return sql + ";\n\n";
    }

    /**
     * {@return it, quoted when the dialect needs it}
     *
     * @param name an identifier
     */
    public String quote(String name) {
        return dialect.quote(name);
    }

    /**
     * {@return the quoted, schema-qualified name}
     *
     * @param schema the schema, or null
     * @param name the table name
     */
    public String table(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /**
     * {@return a string literal}
     *
     * @param text the text
     */
    protected String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * {@return its SQL for this dialect}
     *
     * @param element a core DDL statement
     */
    protected String compile(DdlElement element) {
        return ddl.compile(element);
    }

    /**
     * {@return its DDL spelling on this dialect}
     *
     * @param type a type
     */
    protected String type(SqlType<?> type) {
        return dialect.typeCompiler().render(type);
    }

    // ------------------------------------------------------------------ tables

    /**
     * CREATE TABLE with what belongs to it: the enum types it needs first (PostgreSQL), comments where they are
     * separate statements, and its indexes.
     *
     * @param t the table
     * @return the statements
     */
    public List<String> createTable(Table t) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : t.schemaColumns()) {
            SqlType<?> type = unwrap(c.type());
            if (type instanceof EnumType<?> e && dialect.typeCompiler().enumIsSchemaType(e)) {
                out.add(compile(new CreateEnumType(e, t.schema())));
            }
        }
        out.add(compile(new CreateTable(t)));
        if (ddl.commentStyle() == DdlCompiler.CommentStyle.COMMENT_ON) {
            if (t.comment() != null) {
                out.add(compile(new SetTableComment(t)));
            }
            for (Column<?> c : t.schemaColumns()) {
                if (c.comment() != null) {
                    out.add(compile(new SetColumnComment(c)));
                }
            }
        }
        for (Index ix : t.indexes()) {
            out.add(compile(new CreateIndex(ix)));
        }
        return out;
    }

    private SqlType<?> unwrap(SqlType<?> type) {
        while (type instanceof Variant<?> || type instanceof TypeDecorator<?, ?>) {
            type = type instanceof Variant<?> v ? v.forDialect(dialect) : ((TypeDecorator<?, ?>) type).impl(dialect);
        }
        return type;
    }

    /**
     * {@return DROP TABLE}
     *
     * @param schema the schema, or null
     * @param name the table
     */
    public List<String> dropTable(String schema, String name) {
        return List.of("DROP TABLE " + table(schema, name));
    }

    /**
     * {@return ALTER TABLE ... RENAME TO}
     *
     * @param schema the schema, or null
     * @param name the table
     * @param newName its new name
     */
    public List<String> renameTable(String schema, String name, String newName) {
        return List.of("ALTER TABLE " + table(schema, name) + " RENAME TO " + quote(newName));
    }

    /**
     * {@return COMMENT ON TABLE}
     *
     * @param schema the schema, or null
     * @param name the table
     * @param comment the comment, or null to remove it
     */
    public List<String> setTableComment(String schema, String name, String comment) {
        requireComments("table " + name);
        return List.of("COMMENT ON TABLE " + table(schema, name) + " IS " + (comment == null ? "NULL" : literal(comment)));
    }

    /**
     * Fails when this database keeps no comments.
     *
     * @param what the object whose comment is set
     */
    protected void requireComments(String what) {
        if (ddl.commentStyle() == DdlCompiler.CommentStyle.NONE) {
            throw new MigrationException(dialect.name() + " keeps no comments; cannot set the comment of " + what
                    + ": leave comments out of migrations for this database");
        }
    }

    // ------------------------------------------------------------------ columns

    /**
     * ALTER TABLE ... ADD COLUMN, then its foreign keys and comment.
     *
     * @param column the column, bound to a scratch table of the target table's name
     * @return the statements
     */
    public List<String> addColumn(Column<?> column) {
        Table t = column.table();
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + table(t.schema(), t.name()) + " " + addColumnKeyword() + ddl.columnDefinition(column));
        for (ForeignKeyConstraint fk : t.foreignKeys()) {
            out.addAll(addConstraint(fk));
        }
        if (column.comment() != null && ddl.commentStyle() == DdlCompiler.CommentStyle.COMMENT_ON) {
            out.add(compile(new SetColumnComment(column)));
        }
        return out;
    }

    /** {@return the words between the table and the column definition in ALTER TABLE ... ADD} */
    protected String addColumnKeyword() {
        return "ADD COLUMN ";
    }

    /**
     * {@return ALTER TABLE ... DROP COLUMN}
     *
     * @param schema the schema, or null
     * @param tableName the table
     * @param column the column
     */
    public List<String> dropColumn(String schema, String tableName, String column) {
        return List.of("ALTER TABLE " + table(schema, tableName) + " DROP COLUMN " + quote(column));
    }

    /**
     * ALTER TABLE ... ALTER COLUMN, one statement per changed aspect in the standard spelling: type, nullability,
     * default, comment, then the rename last so the other statements use the old name.
     *
     * @param schema the schema, or null
     * @param tableName the table
     * @param column the column
     * @param a the change
     * @return the statements
     */
    public List<String> alterColumn(String schema, String tableName, String column, AlterColumn a) {
        String prefix = "ALTER TABLE " + table(schema, tableName) + " ALTER COLUMN " + quote(column) + " ";
        List<String> out = new ArrayList<>();
        if (a.removeIdentity()) {
            out.add(prefix + "DROP IDENTITY");
        }
        if (a.type() != null) {
            out.add(prefix + alterTypeClause(column, a));
        }
        if (a.nullable() != null) {
            out.add(prefix + (a.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (a.changesDefault()) {
            out.add(prefix + (a.removeServerDefault() ? "DROP DEFAULT" : "SET DEFAULT " + a.serverDefault()));
        }
        if (a.identity() != null) {
            out.add(prefix + addIdentityClause(a));
        }
        if (a.changesComment()) {
            out.add(columnComment(schema, tableName, column, a.removeComment() ? null : a.comment()));
        }
        if (a.newName() != null) {
            out.add(renameColumn(schema, tableName, column, a.newName()));
        }
        return out;
    }

    /**
     * {@return the clause after ALTER COLUMN c that makes the column an IDENTITY: {@code ADD GENERATED ...}}
     *
     * @param a the change, with an identity
     */
    protected String addIdentityClause(AlterColumn a) {
        return "ADD " + identityClause(a.identity());
    }

    /**
     * {@return {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(START WITH s INCREMENT BY i)]}}
     *
     * @param identity the identity
     */
    protected String identityClause(org.retort.schema.Identity identity) {
        String s = "GENERATED " + (identity.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY";
        List<String> opts = new ArrayList<>();
        if (identity.start() != null) {
            opts.add("START WITH " + identity.start());
        }
        if (identity.increment() != null) {
            opts.add("INCREMENT BY " + identity.increment());
        }
        return opts.isEmpty() ? s : s + " (" + String.join(" ", opts) + ")";
    }

    /**
     * {@return the clause after ALTER COLUMN c that changes the type}
     *
     * @param column the column
     * @param a the change, with a new type
     */
    protected String alterTypeClause(String column, AlterColumn a) {
        return "TYPE " + type(a.type());
    }

    /**
     * {@return COMMENT ON COLUMN}
     *
     * @param schema the schema, or null
     * @param tableName the table
     * @param column the column
     * @param comment the comment, or null to remove it
     */
    protected String columnComment(String schema, String tableName, String column, String comment) {
        requireComments("column " + tableName + "." + column);
        return "COMMENT ON COLUMN " + table(schema, tableName) + "." + quote(column) + " IS "
                + (comment == null ? "NULL" : literal(comment));
    }

    /**
     * {@return the rename statement}
     *
     * @param schema the schema, or null
     * @param tableName the table
     * @param column the column
     * @param newName the new name
     */
    protected String renameColumn(String schema, String tableName, String column, String newName) {
        return "ALTER TABLE " + table(schema, tableName) + " RENAME COLUMN " + quote(column) + " TO " + quote(newName);
    }

    // ------------------------------------------------------------------ indexes and constraints

    /**
     * {@return CREATE INDEX}
     *
     * @param index the index, bound to a scratch table
     */
    public List<String> createIndex(Index index) {
        return List.of(compile(new CreateIndex(index)));
    }

    /**
     * {@return DROP INDEX}
     *
     * @param schema the schema, or null
     * @param tableName the table
     * @param name the index
     */
    public List<String> dropIndex(String schema, String tableName, String name) {
        return List.of("DROP INDEX " + (schema == null ? "" : quote(schema) + ".") + quote(name));
    }

    /**
     * {@return ALTER TABLE ... ADD CONSTRAINT}
     *
     * @param constraint the constraint, bound to a scratch table
     */
    public List<String> addConstraint(Constraint constraint) {
        return List.of(compile(new AddConstraint(constraint)));
    }

    /**
     * {@return ALTER TABLE ... DROP CONSTRAINT}
     *
     * @param schema the schema, or null
     * @param tableName the table
     * @param name the constraint name
     * @param kind its kind
     */
    public List<String> dropConstraint(String schema, String tableName, String name, ConstraintKind kind) {
        return List.of("ALTER TABLE " + table(schema, tableName) + " DROP CONSTRAINT " + quote(name));
    }
}
