package org.retort.sql;

import org.retort.types.SqlType;

/**
 * {@code left operator right}: a comparison, arithmetic, concatenation or bitwise operation.
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record BinaryExpression<T>(Expression<?> left, Operator operator, Expression<?> right, SqlType<T> type)
        implements Expression<T> {

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
