package org.retort.sql;

import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * {@code left [NOT] LIKE pattern [ESCAPE 'c']}, or its case-insensitive form ({@code ILIKE} on PostgreSQL and H2,
 * {@code lower(left) LIKE lower(pattern)} elsewhere).
 *
 * @param left the tested expression
 * @param pattern the pattern
 * @param escape the escape character, or null
 * @param negate true for NOT LIKE
 * @param ignoreCase true for ILIKE
 */
public record Like(Expression<?> left, Expression<?> pattern, Character escape, boolean negate, boolean ignoreCase)
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
