package org.retort.sql;

import java.util.List;
import org.retort.types.SqlType;

/**
 * {@code aggregate FILTER (WHERE condition)}.
 *
 * @param function the aggregate
 * @param condition the filter
 * @param <T> the Java type of the result
 */
public record FunctionFilter<T>(FunctionCall<T> function, Expression<?> condition) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return function.type();
    }

    /** @return {@code ... FILTER (WHERE ...) OVER ()} */
    public Over<T> over() {
        return new Over<>(this, List.of(), List.of(), null);
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
