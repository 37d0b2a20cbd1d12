package org.retort.sql;

import java.util.List;
import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * A window function: {@code fn(...) OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ... AND ...)}.
 *
 * @param function the function, aggregate or filtered aggregate
 * @param partitionBy PARTITION BY expressions
 * @param orderBy ORDER BY items
 * @param frame the frame, or null
 * @param <T> the Java type of the result
 */
public record Over<T>(Expression<T> function, List<Expression<?>> partitionBy, List<OrderBy> orderBy, Frame frame)
        implements Expression<T> {

    /** The unit a window frame counts in. */
    public enum Unit {
        /** Physical rows. */
        ROWS,
        /** Rows whose ORDER BY value lies within an offset of the current row's. */
        RANGE,
        /** Peer groups: rows with equal ORDER BY values count as one (PostgreSQL 11+, SQLite 3.28+, H2, Oracle 21c). */
        GROUPS
    }

    /**
     * A window frame. Bounds follow SQLAlchemy: null is UNBOUNDED, 0 is CURRENT ROW, a negative number
     * {@code n PRECEDING}, a positive one {@code n FOLLOWING}.
     *
     * @param unit ROWS, RANGE or GROUPS
     * @param start the start bound
     * @param end the end bound
     */
    public record Frame(Unit unit, Integer start, Integer end) {
        /**
         * Checks the unit.
         *
         * @param unit the unit
         * @param start the start bound
         * @param end the end bound
         */
        public Frame {
            java.util.Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * Creates a window.
     *
     * @param function the function
     * @param partitionBy partitions
     * @param orderBy ordering
     * @param frame frame or null
     */
    public Over {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    @Override
    public SqlType<T> type() {
        return function.type();
    }

    /**
     * {@return this window with {@code PARTITION BY}}
     *
     * @param expressions the partitions
     */
    public Over<T> partitionBy(Expression<?>... expressions) {
        return new Over<>(function, List.of(expressions), orderBy, frame);
    }

    /**
     * {@return this window with {@code ORDER BY}}
     *
     * @param items the ordering
     */
    public Over<T> orderBy(OrderByElement... items) {
        return new Over<>(function, partitionBy, Coercions.orderBy(items), frame);
    }

    /**
     * Sets a ROWS frame.
     *
     * @param start null UNBOUNDED PRECEDING, 0 CURRENT ROW, -n n PRECEDING, n n FOLLOWING
     * @param end null UNBOUNDED FOLLOWING, 0 CURRENT ROW, -n / n as for start
     * @return the window
     */
    public Over<T> rows(Integer start, Integer end) {
        return new Over<>(function, partitionBy, orderBy, new Frame(Unit.ROWS, start, end));
    }

    /**
     * Sets a RANGE frame.
     *
     * @param start null UNBOUNDED PRECEDING, 0 CURRENT ROW, -n n PRECEDING, n n FOLLOWING
     * @param end null UNBOUNDED FOLLOWING, 0 CURRENT ROW, -n / n as for start
     * @return the window
     */
    public Over<T> range(Integer start, Integer end) {
        return new Over<>(function, partitionBy, orderBy, new Frame(Unit.RANGE, start, end));
    }

    /**
     * Sets a GROUPS frame (SQLAlchemy's {@code groups=}): bounds count peer groups, rows with equal ORDER BY
     * values; MySQL, MariaDB and SQL Server have none and refuse it at compile time.
     *
     * @param start null UNBOUNDED PRECEDING, 0 CURRENT ROW, -n n PRECEDING, n n FOLLOWING
     * @param end null UNBOUNDED FOLLOWING, 0 CURRENT ROW, -n / n as for start
     * @return the window
     */
    public Over<T> groups(Integer start, Integer end) {
        return new Over<>(function, partitionBy, orderBy, new Frame(Unit.GROUPS, start, end));
    }

    /** {@return the expression as generic SQL with {@code :name} parameters} */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
