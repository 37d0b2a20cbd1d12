package org.retort.sql;

import org.retort.types.SqlType;

/**
 * The SQL keywords {@code NULL}, {@code TRUE} and {@code FALSE} as expressions; TRUE and FALSE render as
 * {@code 1} and {@code 0} on databases without a boolean type.
 *
 * @param kind which keyword
 * @param type the expression's type
 * @param <T> the Java type
 */
public record Constant<T>(Kind kind, SqlType<T> type) implements Expression<T> {

    /** The keyword. */
    public enum Kind {
        /** {@code NULL}. */
        NULL,
        /** {@code TRUE}. */
        TRUE,
        /** {@code FALSE}. */
        FALSE
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
