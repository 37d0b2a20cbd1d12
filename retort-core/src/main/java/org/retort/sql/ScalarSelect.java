package org.retort.sql;

import org.retort.types.SqlType;

/**
 * A SELECT used as a value: {@code (SELECT ...)} (SQLAlchemy's {@code scalar_subquery()}). Inside an enclosing
 * SELECT it correlates automatically: FROM entries of the enclosing query are left out of it.
 *
 * @param select the subquery
 * @param type the type of its single column
 * @param <T> the Java type
 */
public record ScalarSelect<T>(SelectBase select, SqlType<T> type) implements Expression<T> {

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
