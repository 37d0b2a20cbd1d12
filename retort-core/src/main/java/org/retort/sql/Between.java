package org.retort.sql;

import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * {@code expr [NOT] BETWEEN lower AND upper}.
 *
 * @param expression the tested expression
 * @param lower the lower bound
 * @param upper the upper bound
 * @param negate true for NOT BETWEEN
 */
public record Between(Expression<?> expression, Expression<?> lower, Expression<?> upper, boolean negate)
        implements Expression<Boolean> {

    @Override
    public SqlType<Boolean> type() {
        return Coercions.booleanType();
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
