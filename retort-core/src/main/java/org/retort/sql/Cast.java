package org.retort.sql;

import org.retort.types.SqlType;

/**
 * {@code CAST(expression AS type)}.
 *
 * @param expression the converted expression
 * @param type the target type
 * @param <T> the Java type of the result
 */
public record Cast<T>(Expression<?> expression, SqlType<T> type) implements Expression<T> {

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
