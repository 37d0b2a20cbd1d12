package org.retort.sql;

import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * {@code EXISTS (SELECT ...)}; negate it with {@link #not()}.
 *
 * @param select the subquery
 */
public record Exists(SelectBase select) implements Expression<Boolean> {

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
