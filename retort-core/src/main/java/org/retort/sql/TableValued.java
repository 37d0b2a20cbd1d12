package org.retort.sql;

import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * A function that returns rows, used in FROM (SQLAlchemy's {@code FunctionElement.table_valued()}):
 * {@code generate_series(1, 5) AS s}, {@code json_each(doc) AS j}, {@code unnest(arr) AS u}. Its columns are the
 * names given; with {@link #renderDerived()} they are also written after the alias, {@code AS s (n)}, which
 * renames them (PostgreSQL). Oracle wraps the call in {@code TABLE(...)}; MySQL and MariaDB have no table
 * functions in FROM and refuse it at compile time.
 *
 * <pre>{@code
 * TableValued s = func.call("generate_series", 1, 3).tableValued("value").alias("s");
 * select(s.c("value"))                   // SELECT s.value FROM generate_series(?, ?) AS s
 * }</pre>
 *
 * @param function the function call
 * @param columnNames the names of the columns it returns
 * @param name the alias, or null for an anonymous {@code anon_N}
 * @param isLateral true for {@code LATERAL fn(...)}, which may refer to FROM items to its left
 * @param derived true to write the column names after the alias
 */
public record TableValued(FunctionCall<?> function, List<String> columnNames, String name, boolean isLateral,
                          boolean derived) implements FromClause {

    /**
     * Checks the parts.
     *
     * @param function the call
     * @param columnNames the column names
     * @param name the alias or null
     * @param isLateral whether LATERAL
     * @param derived whether the column names are written
     */
    public TableValued {
        columnNames = List.copyOf(columnNames);
        if (columnNames.isEmpty()) {
            throw new ArgumentException("tableValued() needs the names of the columns " + function.name()
                    + "() returns, for example tableValued(\"value\")");
        }
    }

    /**
     * {@return this function under an alias}
     *
     * @param alias the name
     */
    public TableValued alias(String alias) {
        return new TableValued(function, columnNames, java.util.Objects.requireNonNull(alias, "alias"), isLateral, derived);
    }

    /** {@return this function as {@code LATERAL}, so its arguments may refer to FROM items to its left} */
    public TableValued lateral() {
        return new TableValued(function, columnNames, name, true, derived);
    }

    /** {@return this function with its column names written after the alias, {@code AS name (a, b)}} */
    public TableValued renderDerived() {
        return new TableValued(function, columnNames, name, isLateral, true);
    }

    @Override
    public DerivedColumn<Object> c(String columnName) {
        if (!columnNames.contains(columnName)) {
            throw new ArgumentException(function.name() + "() in FROM has no column '" + columnName + "'; its columns are "
                    + columnNames + " (name them in tableValued(...))");
        }
        return new DerivedColumn<>(this, columnName, NullType.INSTANCE);
    }

    /**
     * The column of a name, read as a type.
     *
     * @param columnName the column
     * @param type its type
     * @param <T> the Java type
     * @return the column
     */
    public <T> DerivedColumn<T> c(String columnName, SqlType<T> type) {
        c(columnName);
        return new DerivedColumn<>(this, columnName, type);
    }

    @Override
    public List<DerivedColumn<?>> columns() {
        return columnNames.stream().<DerivedColumn<?>>map(this::c).toList();
    }

    @Override
    public String toString() {
        return function + " AS " + (name == null ? "anon" : name);
    }
}
