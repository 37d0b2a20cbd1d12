package org.retort.sql;

import org.retort.types.SqlType;

/**
 * The value an upsert tried to insert into a column: {@code excluded.col} in PostgreSQL/SQLite
 * {@code ON CONFLICT DO UPDATE}, {@code VALUES(col)} in MySQL {@code ON DUPLICATE KEY UPDATE}.
 *
 * @param column the column
 * @param <T> the Java type
 */
public record Excluded<T>(ColumnClause<T> column) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public String naturalName() {
        return column.name();
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
