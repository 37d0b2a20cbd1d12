package org.retort.sql;

import java.util.List;
import org.retort.types.SqlType;

/**
 * {@code aggregate WITHIN GROUP (ORDER BY ...)}.
 *
 * @param function the ordered-set aggregate
 * @param orderBy its ordering
 * @param <T> the Java type of the result
 */
public record WithinGroup<T>(FunctionCall<T> function, List<OrderBy> orderBy) implements Expression<T> {

    /**
     * Creates the aggregate.
     *
     * @param function the function
     * @param orderBy the ordering
     */
    public WithinGroup {
        orderBy = List.copyOf(orderBy);
    }

    @Override
    public SqlType<T> type() {
        return function.type();
    }

    /**
     * {@return {@code fn(...) WITHIN GROUP (ORDER BY ...) OVER ()}, the ordered-set aggregate as a window function
     * (Oracle, SQL Server, H2, MariaDB); PostgreSQL has no such window and refuses it at compile time}
     */
    public Over<T> over() {
        return new Over<>(this, List.of(), List.of(), null);
    }

    /** {@return the expression as generic SQL with {@code :name} parameters} */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
