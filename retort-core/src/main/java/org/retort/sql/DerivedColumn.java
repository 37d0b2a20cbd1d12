package org.retort.sql;

import org.retort.types.SqlType;

/**
 * A column of a derived FROM item: a table alias, a subquery, a CTE or a VALUES list
 * ({@code alias.c("name")}). It renders as {@code from_name.column_name}.
 *
 * @param from the FROM item
 * @param name the column name
 * @param type its type
 * @param <T> the Java type
 */
public record DerivedColumn<T>(FromClause from, String name, SqlType<T> type) implements Expression<T> {

    @Override
    public String naturalName() {
        return name;
    }

    @Override
    public String toString() {
        return from + "." + name;
    }
}
