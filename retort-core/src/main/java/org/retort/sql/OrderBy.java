package org.retort.sql;

import java.util.Objects;

/**
 * One ORDER BY item: {@code expr [ASC|DESC] [NULLS FIRST|NULLS LAST]}. NULLS placement is emulated with an
 * extra sort key on databases that lack it (MySQL, MariaDB, SQL Server).
 *
 * @param expression what is sorted
 * @param descending true for DESC
 * @param nulls where NULLs go
 */
public record OrderBy(Expression<?> expression, boolean descending, Nulls nulls) implements OrderByElement {

    /** Where NULL values sort. */
    public enum Nulls {
        /** The database's default. */
        DEFAULT,
        /** {@code NULLS FIRST}. */
        FIRST,
        /** {@code NULLS LAST}. */
        LAST
    }

    /**
     * Creates an item.
     *
     * @param expression the expression
     * @param descending true for DESC
     * @param nulls NULL placement
     */
    public OrderBy {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** {@return this item with {@code NULLS FIRST}} */
    public OrderBy nullsFirst() {
        return new OrderBy(expression, descending, Nulls.FIRST);
    }

    /** {@return this item with {@code NULLS LAST}} */
    public OrderBy nullsLast() {
        return new OrderBy(expression, descending, Nulls.LAST);
    }

    /**
     * The ORDER BY form of an element: itself when it already is one, ascending otherwise.
     *
     * @param element an expression or item
     * @return the item
     */
    static OrderBy of(OrderByElement element) {
        return element instanceof OrderBy o ? o : new OrderBy((Expression<?>) element, false, Nulls.DEFAULT);
    }
}
