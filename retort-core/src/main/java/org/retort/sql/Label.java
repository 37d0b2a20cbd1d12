package org.retort.sql;

import org.retort.types.SqlType;

/**
 * {@code expression AS name} in a SELECT list; the result column is named {@code name}.
 *
 * @param name the label
 * @param element the labelled expression
 * @param <T> the Java type
 */
public record Label<T>(String name, Expression<T> element) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return element.type();
    }

    @Override
    public String naturalName() {
        return name;
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
