package org.retort.sql;

import java.util.List;
import java.util.Map;
import org.retort.dialect.Dialect;
import org.retort.sql.internal.Analysis;

/**
 * A statement of the expression language: SELECT (and set operations), INSERT, UPDATE or DELETE. Compiles per
 * dialect through {@link Dialect#sqlCompiler()}; its cache key is its structure with the values of bind
 * parameters left out, and {@link #boundValues()} supplies those values by bind name.
 */
public sealed interface Statement extends Executable permits SelectBase, Insert, Update, Delete, Merge {

    @Override
    default Compiled compile(Dialect dialect) {
        return dialect.sqlCompiler().compile(this, false);
    }

    @Override
    default Compiled compile(Dialect dialect, SchemaTranslateMap schemas) {
        return dialect.sqlCompiler().schemaTranslateMap(schemas).compile(this, false);
    }

    /**
     * Compiles with every bind value rendered inline as a SQL literal, escaped for the dialect; for DDL
     * defaults, offline scripts and logs, never for executing user input.
     *
     * @param dialect the dialect
     * @param literalBinds true to render values inline
     * @return the compiled statement
     */
    default Compiled compile(Dialect dialect, boolean literalBinds) {
        return dialect.sqlCompiler().compile(this, literalBinds);
    }

    @Override
    default Object cacheKey() {
        return analysis().cacheKey();
    }

    @Override
    default Map<String, Object> boundValues() {
        return analysis().values();
    }

    private Analysis analysis() {
        return this instanceof MemoizedStatement m ? m.memoizedAnalysis() : Analysis.of(this);
    }

    /**
     * This statement as a common table expression, {@code WITH name AS (statement)}; an INSERT, UPDATE or DELETE
     * with RETURNING makes a data-modifying CTE (PostgreSQL).
     *
     * @param name the CTE name
     * @return the CTE
     */
    default Cte cte(String name) {
        return new Cte(this, name, false, null);
    }

    /** {@return the RETURNING columns of an INSERT, UPDATE or DELETE; empty for none and for SELECT} */
    default List<Expression<?>> returningColumns() {
        return List.of();
    }
}
