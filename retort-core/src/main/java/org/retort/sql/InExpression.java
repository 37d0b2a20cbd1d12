package org.retort.sql;

import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * {@code left [NOT] IN (...)}: the right side is an expanding {@link BindParameter} (a list of values), a
 * {@link Tuple} of expressions, or a {@link ScalarSelect} subquery.
 *
 * @param left the tested expression
 * @param right the list or subquery
 * @param negate true for NOT IN
 */
public record InExpression(Expression<?> left, Expression<?> right, boolean negate) implements Expression<Boolean> {

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
