package org.retort.sql;

import java.util.Map;
import org.retort.dialect.Dialect;

/**
 * A statement a {@link org.retort.engine.Connection} can execute: {@code text()}, {@code select()},
 * {@code insert()}, {@code update()}, {@code delete()}, DDL.
 *
 * <p>Execution compiles the statement once per dialect and structure: {@link #cacheKey()} identifies the
 * structure, the {@link Compiled} form is cached under it, and {@link #boundValues()} supplies this instance's
 * parameter values, by bind name, to the cached form. Two statements with equal cache keys must compile to
 * the same SQL with the same bind names.
 */
public interface Executable {

    /**
     * Compiles this statement for a dialect, with no caching.
     *
     * @param dialect the dialect
     * @return the compiled form, carrying this statement's own parameter values
     */
    Compiled compile(Dialect dialect);

    /**
     * Compiles this statement for a dialect with schema names translated (the {@code schemaTranslateMap} execution
     * option). Expression-language statements and DDL write translated schemas; a statement of text, such as
     * {@code text()}, is written as given, which is what this default does.
     *
     * @param dialect the dialect
     * @param schemas the schema names to replace
     * @return the compiled form
     */
    default Compiled compile(Dialect dialect, SchemaTranslateMap schemas) {
        return compile(dialect);
    }

    /**
     * The key under which the compiled form may be cached: equal for statements of equal structure whatever
     * their parameter values, and null when the statement must not be cached.
     *
     * @return the structural key, or null
     */
    default Object cacheKey() {
        return null;
    }

    /**
     * The parameter values this statement carries itself (literals turned into bind parameters), by bind name.
     *
     * @return the values; empty when the statement carries none
     */
    default Map<String, Object> boundValues() {
        return Map.of();
    }

    /**
     * The statement to run for a given parameter map. An {@code insert(table)} without values renders its column
     * list from the keys of the parameters (SQLAlchemy's behaviour); most statements return themselves.
     *
     * @param params the parameters of the execution (the first map, for executemany)
     * @return the statement to compile and run
     */
    default Executable forParameters(Map<String, ?> params) {
        return this;
    }

    /**
     * For executemany of an INSERT with RETURNING ("insertmanyvalues"): the single-row statement, bound to the
     * first parameter set's names, whose compiled VALUES row the engine repeats into multi-row
     * {@code INSERT ... VALUES (...), (...) RETURNING} statements, each returning its rows in the order of the
     * parameter sets. Null when the statement or dialect does not qualify, and executemany then runs as a JDBC
     * batch (or, with RETURNING, one execution per set).
     *
     * @param paramSets the parameter sets
     * @param dialect the dialect
     * @return the statement to compile once, or null when not applicable
     */
    default Executable manyValuesBase(java.util.List<? extends Map<String, ?>> paramSets, Dialect dialect) {
        return null;
    }
}
