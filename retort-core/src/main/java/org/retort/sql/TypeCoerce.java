package org.retort.sql;

import org.retort.types.SqlType;

/**
 * An expression read and bound with another type, rendering no SQL of its own (SQLAlchemy's {@code type_coerce}).
 *
 * @param expression the expression
 * @param type the type it is treated as
 * @param <T> the Java type
 */
public record TypeCoerce<T>(Expression<?> expression, SqlType<T> type) implements Expression<T> {

    @Override
    public String naturalName() {
        return expression.naturalName();
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
