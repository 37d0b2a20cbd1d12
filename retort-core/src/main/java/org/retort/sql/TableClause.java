package org.retort.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.exc.ArgumentException;
import org.retort.types.SqlType;

/**
 * A named table as the SQL expression language sees it: a name, an optional schema and its columns
 * (SQLAlchemy's {@code TableClause}). {@link org.retort.schema.Table} extends it with constraints, indexes and
 * DDL; a bare {@code TableClause} is enough to build statements against a table Retort does not manage.
 *
 * <p>Columns are added while the table is being built and never afterwards; a built table is immutable.
 */
public non-sealed class TableClause implements FromClause {
    private final String name;
    private final String schema;
    private final List<ColumnClause<?>> columns = new ArrayList<>();
    private final Map<String, ColumnClause<?>> byKey = new LinkedHashMap<>();
    private final Map<String, ColumnClause<?>> byName = new LinkedHashMap<>();

    /**
     * Creates a table with no columns yet.
     *
     * @param name the table name
     * @param schema the schema, or null for the default schema
     */
    protected TableClause(String name, String schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = schema;
    }

    /**
     * A lightweight table with columns of unknown type, for ad-hoc statements (SQLAlchemy's {@code table()}).
     *
     * @param name the table name
     * @param columnNames its columns
     * @return the table
     */
    public static TableClause of(String name, String... columnNames) {
        TableClause t = new TableClause(name, null);
        for (String c : columnNames) {
            t.addColumn(new ColumnClause<>(c, org.retort.types.NullType.INSTANCE, t));
        }
        return t;
    }

    /**
     * Adds a column while the table is being built.
     *
     * @param column the column, whose table must be this one
     * @throws ArgumentException when a column of that name or key exists
     */
    protected void addColumn(ColumnClause<?> column) {
        if (byName.containsKey(column.name())) {
            throw new ArgumentException("Table '" + fullName() + "' already has a column named '" + column.name() + "'");
        }
        if (byKey.containsKey(column.key())) {
            throw new ArgumentException("Table '" + fullName() + "' already has a column with key '" + column.key()
                    + "'; give column '" + column.name() + "' another key(...)");
        }
        columns.add(column);
        byKey.put(column.key(), column);
        byName.put(column.name(), column);
    }

    /** {@return the table name} */
    public String name() {
        return name;
    }

    /** {@return the schema, or null} */
    public String schema() {
        return schema;
    }

    /** {@return {@code schema.name}, or {@code name} without a schema} */
    public String fullName() {
        return schema == null ? name : schema + "." + name;
    }

    /** {@return the columns in declaration order} */
    @Override
    public List<ColumnClause<?>> columns() {
        return Collections.unmodifiableList(columns);
    }

    /**
     * The column of a key: its name unless it was declared with another key (SQLAlchemy's {@code table.c.key}).
     *
     * @param columnName the column's key
     * @return the column
     * @throws ArgumentException when the table has no column of that key
     */
    @Override
    @SuppressWarnings("unchecked")
    public ColumnClause<Object> c(String columnName) {
        ColumnClause<Object> col = (ColumnClause<Object>) byKey.get(columnName);
        if (col == null) {
            ColumnClause<?> named = byName.get(columnName);
            if (named != null) {
                throw new ArgumentException("Table '" + fullName() + "': column '" + columnName + "' is known by its key '"
                        + named.key() + "'; look it up as c(\"" + named.key() + "\")");
            }
            throw new ArgumentException("Table '" + fullName() + "' has no column '" + columnName + "'; its columns are "
                    + byKey.keySet());
        }
        return col;
    }

    /**
     * The column of a database name, whatever its key; for code that works from SQL names (constraints, reflection).
     *
     * @param columnName the column's name in the database
     * @return the column
     * @throws ArgumentException when the table has no column of that name
     */
    public ColumnClause<?> columnNamed(String columnName) {
        ColumnClause<?> col = byName.get(columnName);
        if (col == null) {
            throw new ArgumentException("Table '" + fullName() + "' has no column named '" + columnName
                    + "'; its columns are " + byName.keySet());
        }
        return col;
    }

    /**
     * Whether the table has a column of a database name, whatever its key.
     *
     * @param columnName the column's name in the database
     * @return true when it has
     */
    public boolean hasColumnNamed(String columnName) {
        return byName.containsKey(columnName);
    }

    /**
     * The column of a name, typed by its Java class, for type-safe expressions.
     *
     * @param columnName the column name
     * @param javaType the Java class of its values
     * @param <T> the value type
     * @return the column
     * @throws ArgumentException when the column's values are of another class
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnClause<T> c(String columnName, Class<T> javaType) {
        ColumnClause<?> col = c(columnName);
        SqlType<?> type = col.type();
        if (type.javaType() != Object.class && !javaType.isAssignableFrom(type.javaType())) {
            throw new ArgumentException("Column '" + fullName() + "." + columnName + "' holds " + type.javaType().getName()
                    + " values, not " + javaType.getName());
        }
        return (ColumnClause<T>) col;
    }

    /**
     * Whether the table has a column of a key (its name, unless declared with another key).
     *
     * @param columnName the column's key
     * @return true when it has
     */
    public boolean hasColumn(String columnName) {
        return byKey.containsKey(columnName);
    }

    /**
     * The foreign keys of this table as (local column, referenced column) pairs, used to infer the ON clause of a
     * join. A bare {@code TableClause} has none; {@link org.retort.schema.Table} reports its constraints.
     *
     * @return the pairs; empty when none are known
     */
    public List<ForeignKeyPair> foreignKeyPairs() {
        return List.of();
    }

    /**
     * This table under another name, to use it twice in one query: {@code users AS u}.
     *
     * @param alias the alias
     * @return the alias
     */
    public TableAlias alias(String alias) {
        return new TableAlias(this, Objects.requireNonNull(alias, "alias"));
    }

    /** {@return this table under an anonymous alias, {@code users AS users_1}} */
    public TableAlias alias() {
        return new TableAlias(this, null);
    }

    /** {@return {@code SELECT <all columns> FROM this}} */
    public Select select() {
        return Select.of(this);
    }

    /** {@return {@code INSERT INTO this}} */
    public Insert insert() {
        return Insert.into(this);
    }

    /** {@return {@code UPDATE this}} */
    public Update update() {
        return Update.of(this);
    }

    /** {@return {@code DELETE FROM this}} */
    public Delete delete() {
        return Delete.from(this);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
