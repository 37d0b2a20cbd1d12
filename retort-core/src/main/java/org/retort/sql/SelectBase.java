package org.retort.sql;

import java.util.List;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/** A statement returning rows: a {@link Select} or a set operation of selects ({@link CompoundSelect}). */
public sealed interface SelectBase extends Statement permits Select, CompoundSelect, TextualSelect {

    /** {@return the expressions of the SELECT list (of the first SELECT, for a set operation)} */
    List<Expression<?>> selectedColumns();

    /** {@return this query as an anonymous FROM item, {@code (SELECT ...) AS anon_1}} */
    default Subquery subquery() {
        return new Subquery(this, null, false);
    }

    /**
     * {@return this query as a FROM item, {@code (SELECT ...) AS name}}
     *
     * @param name the alias
     */
    default Subquery subquery(String name) {
        return new Subquery(this, name, false);
    }

    /**
     * {@return {@code LATERAL (SELECT ...) AS name}}
     *
     * @param name the alias
     */
    default Subquery lateral(String name) {
        return new Subquery(this, name, true);
    }

    /** {@return {@code WITH anon_1 AS (SELECT ...)}: a CTE named when the statement is compiled (SQLAlchemy's {@code cte()})} */
    default Cte cte() {
        return new Cte(this, null, false, null);
    }

    /**
     * {@return {@code WITH name AS (SELECT ...)}}
     *
     * @param name the CTE name
     */
    default Cte cte(String name) {
        return new Cte(this, name, false, null);
    }

    /**
     * A recursive CTE; complete it with {@link Cte#unionAll(SelectBase)} of a query that selects from it.
     *
     * @param name the CTE name
     * @param recursive true for {@code WITH RECURSIVE}
     * @return the CTE
     */
    default Cte cte(String name, boolean recursive) {
        return new Cte(this, name, recursive, null);
    }

    /**
     * {@return this one-column query as a value, {@code (SELECT ...)}, correlated to an enclosing query}
     *
     * @param <T> the Java type of the value
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    default <T> ScalarSelect<T> scalarSubquery() {
        List<Expression<?>> cols = selectedColumns();
        SqlType type = cols.size() == 1 ? cols.get(0).type() : NullType.INSTANCE;
        return new ScalarSelect<>(this, (SqlType<T>) type);
    }

    /** {@return {@code EXISTS (SELECT ...)}} */
    default Exists exists() {
        return new Exists(this);
    }

    /**
     * {@return {@code (SELECT ...) AS name}, a labelled scalar subquery}
     *
     * @param name the label
     */
    default Label<Object> label(String name) {
        return this.<Object>scalarSubquery().label(name);
    }

    /**
     * {@return {@code this UNION others}}
     *
     * @param others more queries
     */
    default CompoundSelect union(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION, this, others);
    }

    /**
     * {@return {@code this UNION ALL others}}
     *
     * @param others more queries
     */
    default CompoundSelect unionAll(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION_ALL, this, others);
    }

    /**
     * {@return {@code this INTERSECT others}}
     *
     * @param others more queries
     */
    default CompoundSelect intersect(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.INTERSECT, this, others);
    }

    /**
     * {@return {@code this INTERSECT ALL others}}
     *
     * @param others more queries
     */
    default CompoundSelect intersectAll(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.INTERSECT_ALL, this, others);
    }

    /**
     * {@return {@code this EXCEPT others}}
     *
     * @param others more queries
     */
    default CompoundSelect except(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.EXCEPT, this, others);
    }

    /**
     * {@return {@code this EXCEPT ALL others}}
     *
     * @param others more queries
     */
    default CompoundSelect exceptAll(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.EXCEPT_ALL, this, others);
    }
}
