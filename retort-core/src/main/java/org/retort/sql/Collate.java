package org.retort.sql;

import org.retort.types.SqlType;

/**
 * {@code expression COLLATE collation}.
 *
 * @param expression the expression
 * @param collation the collation name, quoted when it needs it
 * @param <T> the Java type
 */
public record Collate<T>(Expression<T> expression, String collation) implements Expression<T> {

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
