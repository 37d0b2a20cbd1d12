package org.retort.sql;

import java.util.Objects;
import org.retort.types.SqlType;

/**
 * A named column as the SQL expression language sees it: a name, a type and the table it belongs to
 * (SQLAlchemy's {@code ColumnClause}). {@link org.retort.schema.Column} extends it with nullability, keys,
 * defaults and DDL details.
 *
 * <p>A column is an {@link Expression}: {@code users.c("id").gt(5)} renders {@code users.id > ?}. Columns compare by
 * identity: the same column object always means the same column.
 *
 * <p>A column has a {@link #key()} as well as a {@link #name()} (SQLAlchemy's {@code Column.key}): the key is what the
 * application calls it (table lookups, DML value maps, bind parameter names, row access), the name what SQL calls
 * it. They are the same unless the column was declared with another key.
 *
 * @param <T> the Java type of the column's values
 */
public non-sealed class ColumnClause<T> implements Expression<T> {
    private final String name;
    private final String key;
    private final SqlType<T> type;
    private final TableClause table;

    /**
     * Creates a column.
     *
     * @param name the column name
     * @param type its type
     * @param table the table it belongs to, or null for a free-standing column
     */
    public ColumnClause(String name, SqlType<T> type, TableClause table) {
        this(name, name, type, table);
    }

    /**
     * Creates a column whose key differs from its database name.
     *
     * @param name the column's name in the database
     * @param key the name the application looks it up by
     * @param type its type
     * @param table the table it belongs to, or null for a free-standing column
     */
    public ColumnClause(String name, String key, SqlType<T> type, TableClause table) {
        this.name = Objects.requireNonNull(name, "name");
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.table = table;
    }

    /**
     * A free-standing typed column, rendered by its name alone: a result column of
     * {@link TextClause#columns(ColumnClause...)}, or a column of a textual FROM item.
     *
     * @param name the column name
     * @param type its type
     * @param <T> the Java type
     * @return the column
     */
    public static <T> ColumnClause<T> named(String name, SqlType<T> type) {
        return new ColumnClause<>(name, type, null);
    }

    /** {@return the column's name in the database, as SQL writes it} */
    public String name() {
        return name;
    }

    /**
     * The column's key: the name {@link TableClause#c(String)}, DML value maps, bind parameters and rows know it by;
     * its {@link #name()} unless it was declared with another ({@code key("...")}).
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /** {@return the column's type} */
    public SqlType<T> type() {
        return type;
    }

    /** {@return the table, or null} */
    public TableClause table() {
        return table;
    }

    /**
     * The value an INSERT gives this column when the statement does not set it; none for a plain column.
     * {@link org.retort.schema.Column} reports its client-side default here.
     *
     * @return the default, or null
     */
    public ColumnDefault insertDefault() {
        return null;
    }

    /**
     * The value an UPDATE gives this column when its SET clause does not (SQLAlchemy's {@code onupdate});
     * none for a plain column.
     *
     * @return the default, or null
     */
    public ColumnDefault updateDefault() {
        return null;
    }

    /**
     * Whether this column is part of its table's primary key; false for a plain column ({@link
     * org.retort.schema.Column} knows).
     *
     * @return true for a primary key column
     */
    public boolean isPrimaryKey() {
        return false;
    }

    /**
     * Whether the database generates this column's value on INSERT (autoincrement, serial, identity); false for a
     * plain column.
     *
     * @return true for an autoincrement column
     */
    public boolean isAutoincrement() {
        return false;
    }

    /**
     * Whether the database computes this column's value on INSERT when the statement does not set it: a DDL
     * default, an identity or a computed column; false for a plain column.
     *
     * @return true for a column with a server-side insert default
     */
    public boolean hasServerDefault() {
        return false;
    }

    /**
     * Whether the database changes this column's value on UPDATE by itself: a server {@code ON UPDATE} value or a
     * computed column; false for a plain column.
     *
     * @return true for a column with a server-side update value
     */
    public boolean hasServerOnUpdate() {
        return false;
    }

    /**
     * Whether this column is an insert sentinel: its value, supplied per row by the client, tells which parameter
     * set a row returned by a batched INSERT ... RETURNING came from (SQLAlchemy's {@code insert_sentinel}); false
     * for a plain column.
     *
     * @return true for a sentinel column
     */
    public boolean isInsertSentinel() {
        return false;
    }

    /** {@return the column name, the default key of its result column} */
    @Override
    public String naturalName() {
        return name;
    }

    @Override
    public String toString() {
        return table == null ? name : table.fullName() + "." + name;
    }
}
