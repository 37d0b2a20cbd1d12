package org.retort.sql;

import org.retort.types.SqlType;

/**
 * A fragment of SQL text used as an expression, exactly as written (SQLAlchemy's {@code literal_column()}).
 * The text comes from the programmer; never build it from user input (use a bind parameter).
 *
 * @param text the SQL text
 * @param type its type
 * @param <T> the Java type
 */
public record LiteralColumn<T>(String text, SqlType<T> type) implements Expression<T> {

    @Override
    public String naturalName() {
        return text;
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
