package org.retort.sql;

import org.retort.types.SqlType;

/**
 * An operator applied to one expression: {@code NOT x}, {@code -x}, {@code ~x}, {@code DISTINCT x},
 * {@code x IS NULL}, {@code x IS NOT NULL}.
 *
 * @param kind the operator
 * @param operand the operand
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record UnaryExpression<T>(Kind kind, Expression<?> operand, SqlType<T> type) implements Expression<T> {

    /** The unary operators. */
    public enum Kind {
        /** {@code NOT x}. */
        NOT,
        /** {@code -x}. */
        NEG,
        /** {@code ~x}. */
        BIT_NOT,
        /** {@code DISTINCT x}. */
        DISTINCT,
        /** {@code x IS NULL}. */
        IS_NULL,
        /** {@code x IS NOT NULL}. */
        IS_NOT_NULL
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
