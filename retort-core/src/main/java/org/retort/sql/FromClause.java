package org.retort.sql;

import java.util.List;

/**
 * Something a SELECT reads rows from: a table, a table alias, a subquery, a CTE, a VALUES list or a join
 * of them (SQLAlchemy's {@code FromClause}).
 */
public sealed interface FromClause permits TableClause, TableAlias, Subquery, Cte, CteAlias, Join, Values, TableValued, TableSample {

    /**
     * The column of a name, to use in expressions. It is untyped ({@code Expression<Object>}): its comparisons
     * take values of any class and check them when the statement is built; the typed forms
     * ({@code c(name, String.class)}) make a wrong value type a compile error.
     *
     * @param name the column name
     * @return the column
     * @throws org.retort.exc.ArgumentException when there is no such column
     */
    Expression<Object> c(String name);

    /** {@return the columns this FROM item exports, in order} */
    List<? extends Expression<?>> columns();

    /**
     * {@code this JOIN right ON ...}, the ON clause inferred from the one foreign key between them.
     *
     * @param right the joined item
     * @return the join
     */
    default Join join(FromClause right) {
        return Join.of(this, right, null, Join.Type.INNER);
    }

    /**
     * {@code this JOIN right ON on}.
     *
     * @param right the joined item
     * @param on the join condition
     * @return the join
     */
    default Join join(FromClause right, Expression<?> on) {
        return Join.of(this, right, on, Join.Type.INNER);
    }

    /**
     * {@return {@code this LEFT OUTER JOIN right ON <inferred>}}
     *
     * @param right the joined item
     */
    default Join outerjoin(FromClause right) {
        return Join.of(this, right, null, Join.Type.LEFT);
    }

    /**
     * {@return {@code this LEFT OUTER JOIN right ON on}}
     *
     * @param right the joined item
     * @param on the condition
     */
    default Join outerjoin(FromClause right, Expression<?> on) {
        return Join.of(this, right, on, Join.Type.LEFT);
    }

    /**
     * {@return {@code this FULL OUTER JOIN right ON on}}
     *
     * @param right the joined item
     * @param on the condition
     */
    default Join fullOuterJoin(FromClause right, Expression<?> on) {
        return Join.of(this, right, on, Join.Type.FULL);
    }

    /**
     * {@return {@code this FULL OUTER JOIN right ON <inferred>}}
     *
     * @param right the joined item
     */
    default Join fullOuterJoin(FromClause right) {
        return Join.of(this, right, null, Join.Type.FULL);
    }
}
