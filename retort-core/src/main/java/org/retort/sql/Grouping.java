package org.retort.sql;

import org.retort.types.SqlType;

/**
 * Explicit parentheses around an expression; rarely needed, since the compiler parenthesizes by precedence.
 *
 * @param expression the expression
 * @param <T> the Java type
 */
public record Grouping<T>(Expression<T> expression) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
