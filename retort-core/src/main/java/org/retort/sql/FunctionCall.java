package org.retort.sql;

import java.util.List;
import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * A SQL function call {@code name(args...)} (SQLAlchemy's {@code func.name(...)}). Aggregates may be refined
 * with {@link #filter(Expression)}, {@link #withinGroup(OrderByElement...)} and {@link #over()}.
 *
 * @param name the function's name, as written
 * @param arguments the arguments
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record FunctionCall<T>(String name, List<Expression<?>> arguments, SqlType<T> type) implements Expression<T> {

    /**
     * Creates a call.
     *
     * @param name function name
     * @param arguments the arguments
     * @param type result type
     */
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public String naturalName() {
        return null;
    }

    /**
     * {@code fn(...) FILTER (WHERE condition)}, for aggregates (emulated with CASE where unsupported).
     *
     * @param condition the rows to aggregate
     * @return the filtered aggregate
     */
    public FunctionFilter<T> filter(Expression<?> condition) {
        return new FunctionFilter<>(this, condition);
    }

    /**
     * {@code fn(...) WITHIN GROUP (ORDER BY ...)}, for ordered-set aggregates such as {@code percentile_cont}.
     *
     * @param orderBy the ordering
     * @return the aggregate
     */
    public WithinGroup<T> withinGroup(OrderByElement... orderBy) {
        return new WithinGroup<>(this, Coercions.orderBy(orderBy));
    }

    /**
     * This function as a table in FROM, returning rows with the named columns (SQLAlchemy's
     * {@code table_valued()}): {@code generate_series(1, 5)}, {@code json_each(doc)}, {@code unnest(arr)}.
     *
     * @param columnNames the names of the columns it returns
     * @return the FROM item; give it a name with {@link TableValued#alias(String)}
     */
    public TableValued tableValued(String... columnNames) {
        return new TableValued(this, List.of(columnNames), null, false, false);
    }

    /** {@return {@code fn(...) OVER ()}; refine with the returned window's methods} */
    public Over<T> over() {
        return new Over<>(this, List.of(), List.of(), null);
    }

    /** {@return the expression as generic SQL with {@code :name} parameters} */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
