package org.retort.schema;

import java.util.List;
import java.util.function.Supplier;
import org.retort.sql.TextClause;
import org.retort.types.SqlType;

/**
 * Static entry points for declaring tables, meant for {@code import static org.retort.schema.Schema.*}:
 *
 * <pre>{@code
 * Table address = metadata.table("address",
 *         column("id", INTEGER, primaryKey()),
 *         column("user_id", INTEGER, notNull(), foreignKey("user_account.id").onDelete("CASCADE")),
 *         column("email", VARCHAR(100), notNull(), unique()),
 *         column("created", DATETIME, serverDefault("CURRENT_TIMESTAMP")),
 *         index("ix_address_email_lower").expression("lower(email)"),
 *         comment("Email addresses of users"));
 * }</pre>
 */
public final class Schema {
    private Schema() {
    }

    /**
     * Declares a column.
     *
     * @param name the column name
     * @param type its type
     * @param options keys, nullability, defaults, ...
     * @param <T> the Java type of the values
     * @return the column declaration
     */
    public static <T> ColumnDef<T> column(String name, SqlType<T> type, ColumnOption... options) {
        return new ColumnDef<>(name, type, List.of(options));
    }

    /** {@return the column is (part of) the primary key, and NOT NULL} */
    public static ColumnOption primaryKey() {
        return ColumnFlag.PRIMARY_KEY;
    }

    /** {@return the column is NOT NULL} */
    public static ColumnOption notNull() {
        return ColumnFlag.NOT_NULL;
    }

    /** {@return the column allows NULL, even as part of a primary key} */
    public static ColumnOption nullable() {
        return ColumnFlag.NULLABLE;
    }

    /** {@return a single-column UNIQUE constraint (a unique index when combined with {@link #index()})} */
    public static ColumnOption unique() {
        return ColumnFlag.UNIQUE;
    }

    /** {@return a single-column index named by the naming convention ({@code ix_<table>_<column>})} */
    public static ColumnOption index() {
        return ColumnFlag.INDEX;
    }

    /** {@return the database generates values (AUTO_INCREMENT, SERIAL, IDENTITY) even where it would not by default} */
    public static ColumnOption autoincrement() {
        return ColumnFlag.AUTOINCREMENT;
    }

    /** {@return no autoincrement, even on a single integer primary key} */
    public static ColumnOption noAutoincrement() {
        return ColumnFlag.NO_AUTOINCREMENT;
    }

    /**
     * Marks an insert sentinel column (SQLAlchemy's {@code Column(insert_sentinel=True)}): a column whose value the
     * client supplies per row, unique within a batch (typically from a {@code defaultValue(UUID::randomUUID)}), so
     * that an executemany of {@code insert(t).returning(...).sortByParameterOrder()} can run as batched multi-row
     * INSERTs and still hand back the rows in the order of the parameter sets.
     *
     * @return the option
     */
    public static ColumnOption insertSentinel() {
        return ColumnFlag.INSERT_SENTINEL;
    }

    /**
     * A dedicated nullable integer sentinel column (SQLAlchemy's {@code insert_sentinel(name)}): Retort fills it
     * with a counter on every INSERT that does not set it, distinct within any batch, so a table whose primary key
     * the database generates in no order Retort can rely on still gets batched, parameter-ordered RETURNING. The
     * column must exist in the database table (DDL creates it).
     *
     * @param name the column's name
     * @return the column declaration
     */
    public static ColumnDef<Long> insertSentinel(String name) {
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        return column(name, org.retort.types.Types.BIGINT, nullable(), ColumnFlag.INSERT_SENTINEL,
                defaultValue(() -> counter.getAndIncrement() & Long.MAX_VALUE));
    }

    /**
     * A fixed value Retort inserts when an INSERT leaves the column out.
     *
     * @param value the value
     * @return the option
     */
    public static ColumnOption defaultValue(Object value) {
        return new ColumnDefault(value, null, false);
    }

    /**
     * A value Retort computes per row when an INSERT leaves the column out, e.g. {@code LocalDateTime::now}.
     *
     * @param supplier the function
     * @return the option
     */
    public static ColumnOption defaultValue(Supplier<?> supplier) {
        return new ColumnDefault(null, supplier, false);
    }

    /**
     * A fixed value Retort sets on every UPDATE that leaves the column out.
     *
     * @param value the value
     * @return the option
     */
    public static ColumnOption onUpdate(Object value) {
        return new ColumnDefault(value, null, true);
    }

    /**
     * A value Retort computes on every UPDATE that leaves the column out.
     *
     * @param supplier the function
     * @return the option
     */
    public static ColumnOption onUpdate(Supplier<?> supplier) {
        return new ColumnDefault(null, supplier, true);
    }

    /**
     * A database default, SQL text in DDL: {@code serverDefault("CURRENT_TIMESTAMP")},
     * {@code serverDefault("'draft'")}.
     *
     * @param sql the SQL expression
     * @return the option
     */
    public static ColumnOption serverDefault(String sql) {
        return new ServerDefault(sql, false);
    }

    /**
     * A database default given as a {@code text()} clause.
     *
     * @param sql the SQL
     * @return the option
     */
    public static ColumnOption serverDefault(TextClause sql) {
        return new ServerDefault(sql.text(), false);
    }

    /**
     * A database default given as an expression, rendered by each dialect ({@code serverDefault(func.now())} is
     * {@code DEFAULT now()} on PostgreSQL and MySQL, {@code DEFAULT CURRENT_TIMESTAMP} on SQLite, H2, Oracle and
     * SQL Server); values in it are written as literals.
     *
     * @param expression the expression
     * @return the option
     */
    public static ColumnOption serverDefault(org.retort.sql.Expression<?> expression) {
        return new ServerDefault(expression.toString(), false, expression);
    }

    /**
     * A value the database sets on UPDATE, given as an expression rendered per dialect (MySQL's
     * {@code ON UPDATE now()}).
     *
     * @param expression the expression
     * @return the option
     */
    public static ColumnOption serverOnUpdate(org.retort.sql.Expression<?> expression) {
        return new ServerDefault(expression.toString(), true, expression);
    }

    /**
     * A value the database sets on UPDATE ({@code ON UPDATE sql} on MySQL; elsewhere a trigger's job, and
     * Retort only knows the value changes).
     *
     * @param sql the SQL expression
     * @return the option
     */
    public static ColumnOption serverOnUpdate(String sql) {
        return new ServerDefault(sql, true);
    }

    /**
     * A column's key (SQLAlchemy's {@code key=}): the name the application uses for a column whose database name is
     * another, {@code column("user_name", VARCHAR(30), key("name"))}. Lookups ({@code table.c("name")}), the keys of
     * {@code insert(...).values(Map)} and {@code update(...).set(Map)}, bind parameter names and row access use the
     * key; SQL uses the database name.
     *
     * @param key the key
     * @return the option
     */
    public static ColumnKey key(String key) {
        return new ColumnKey(key);
    }

    /**
     * A comment on a column or, among table elements, on the table.
     *
     * @param text the comment
     * @return the comment
     */
    public static CommentText comment(String text) {
        return new CommentText(text);
    }

    /**
     * A foreign key to {@code "table.column"} or {@code "schema.table.column"}.
     *
     * @param target the referred column
     * @return the foreign key; chain {@code .onDelete("CASCADE")}, {@code .named(..)}, ...
     */
    public static ForeignKey foreignKey(String target) {
        return ForeignKey.to(target);
    }

    /** {@return {@code GENERATED BY DEFAULT AS IDENTITY}; see {@link Identity} for ALWAYS, START and INCREMENT} */
    public static Identity identity() {
        return Identity.byDefault();
    }

    /**
     * A generated column with the database's default storage.
     *
     * @param sql the SQL expression
     * @return the option
     */
    public static Computed computed(String sql) {
        return new Computed(sql, null);
    }

    /**
     * A generated column, stored or virtual.
     *
     * @param sql the SQL expression
     * @param persisted true for STORED, false for VIRTUAL
     * @return the option
     */
    public static Computed computed(String sql, boolean persisted) {
        return new Computed(sql, persisted);
    }

    /**
     * A CHECK constraint on a column or table.
     *
     * @param sql the condition
     * @return the constraint; {@code .named(..)} to name it
     */
    public static CheckConstraint check(String sql) {
        return CheckConstraint.of(sql);
    }

    /**
     * A (composite) primary key among table elements.
     *
     * @param columnNames the key columns
     * @return the constraint
     */
    public static PrimaryKeyConstraint primaryKeyConstraint(String... columnNames) {
        return PrimaryKeyConstraint.of(columnNames);
    }

    /**
     * A (composite) foreign key among table elements.
     *
     * @param columnNames the local columns
     * @param targets the referred columns, {@code "table.column"} each
     * @return the constraint
     */
    public static ForeignKeyConstraint foreignKeyConstraint(List<String> columnNames, List<String> targets) {
        return ForeignKeyConstraint.of(columnNames, targets);
    }

    /**
     * A (composite) unique constraint among table elements.
     *
     * @param columnNames the columns
     * @return the constraint
     */
    public static UniqueConstraint uniqueConstraint(String... columnNames) {
        return UniqueConstraint.of(columnNames);
    }

    /**
     * An index among table elements.
     *
     * @param name the index name, or null for the naming convention's
     * @param columnNames the columns ({@code .expression(sql)} adds an expression)
     * @return the index
     */
    public static Index index(String name, String... columnNames) {
        return Index.of(name, columnNames);
    }

    /**
     * Puts a table in a schema.
     *
     * @param name the schema
     * @return the element
     */
    public static SchemaName schema(String name) {
        return new SchemaName(name);
    }
}
