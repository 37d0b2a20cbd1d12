package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import org.retort.sql.internal.Coercions;

/**
 * A set operation of queries: {@code UNION}, {@code UNION ALL}, {@code INTERSECT}, {@code EXCEPT}, with an
 * optional ORDER BY and LIMIT of its own. Members that have their own ORDER BY or LIMIT, or are set operations
 * of another kind, are parenthesized.
 */
public final class CompoundSelect extends MemoizedStatement implements SelectBase {

    /** The set operator. */
    public enum Kind {
        /** {@code UNION}. */
        UNION("UNION"),
        /** {@code UNION ALL}. */
        UNION_ALL("UNION ALL"),
        /** {@code INTERSECT}. */
        INTERSECT("INTERSECT"),
        /** {@code INTERSECT ALL}. */
        INTERSECT_ALL("INTERSECT ALL"),
        /** {@code EXCEPT}. */
        EXCEPT("EXCEPT"),
        /** {@code EXCEPT ALL}. */
        EXCEPT_ALL("EXCEPT ALL");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** {@return the SQL keyword(s)} */
        public String sql() {
            return sql;
        }
    }

    private final Kind kind;
    private final List<SelectBase> selects;
    private final List<OrderBy> orderBy;
    private final Expression<?> limit;
    private final Expression<?> offset;

    private CompoundSelect(Kind kind, List<SelectBase> selects, List<OrderBy> orderBy, Expression<?> limit,
                           Expression<?> offset) {
        this.kind = kind;
        this.selects = List.copyOf(selects);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
    }

    static CompoundSelect of(Kind kind, SelectBase first, SelectBase... others) {
        List<SelectBase> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(others));
        return new CompoundSelect(kind, all, List.of(), null, null);
    }

    /** {@return the set operator} */
    public Kind kind() {
        return kind;
    }

    /** {@return the member queries} */
    public List<SelectBase> selects() {
        return selects;
    }

    /** {@return the ORDER BY of the whole set operation} */
    public List<OrderBy> orderByClause() {
        return orderBy;
    }

    /** {@return the LIMIT, or null} */
    public Expression<?> limitClause() {
        return limit;
    }

    /** {@return the OFFSET, or null} */
    public Expression<?> offsetClause() {
        return offset;
    }

    /**
     * {@return the new statement}
     *
     * @param items ordering of the combined rows
     */
    public CompoundSelect orderBy(OrderByElement... items) {
        List<OrderBy> o = new ArrayList<>(orderBy);
        o.addAll(Coercions.orderBy(items));
        return new CompoundSelect(kind, selects, o, limit, offset);
    }

    /**
     * {@return the new statement}
     *
     * @param count maximum rows
     */
    public CompoundSelect limit(int count) {
        return new CompoundSelect(kind, selects, orderBy, Coercions.intParam("param", count), offset);
    }

    /**
     * {@return the new statement}
     *
     * @param count rows to skip
     */
    public CompoundSelect offset(int count) {
        return new CompoundSelect(kind, selects, orderBy, limit, Coercions.intParam("param", count));
    }

    @Override
    public List<Expression<?>> selectedColumns() {
        return selects.get(0).selectedColumns();
    }

    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
