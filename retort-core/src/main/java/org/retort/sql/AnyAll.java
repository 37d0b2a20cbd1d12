package org.retort.sql;

import org.retort.types.SqlType;

/**
 * {@code ANY (subquery or array)} / {@code ALL (...)}, the right side of a comparison:
 * {@code x = ANY (SELECT ...)}.
 *
 * @param all true for ALL
 * @param operand the subquery (a {@link ScalarSelect}) or array expression
 * @param type the element type as SQL sees it
 * @param <T> the element type
 */
public record AnyAll<T>(boolean all, Expression<?> operand, SqlType<T> type) implements Expression<T> {

    /** {@return the expression as generic SQL with {@code :name} parameters} */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
