package org.retort.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.retort.exc.ArgumentException;
import org.retort.sql.SchemaTranslateMap;

/**
 * Options that change how statements execute (SQLAlchemy's {@code execution_options}): the isolation level,
 * streaming of large results, use of the compiled-statement cache, and schema names translated at compile time.
 *
 * <pre>{@code
 * conn.executionOptions(ExecutionOptions.defaults().yieldPer(1000));       // this connection, from now on
 * Engine serializable = engine.executionOptions(
 *         ExecutionOptions.defaults().isolationLevel(IsolationLevel.SERIALIZABLE)); // an engine copy, same pool
 * }</pre>
 *
 * <p>Immutable: each setter returns a copy. An option that was never set leaves the one beneath it in force
 * (statement over connection over engine), see {@link #mergedWith(ExecutionOptions)}.
 */
public final class ExecutionOptions {
    /** Rows fetched per round trip when {@link #streamResults(boolean)} is on without {@link #yieldPer(int)}. */
    public static final int DEFAULT_STREAM_FETCH_SIZE = 1000;
    private static final ExecutionOptions DEFAULTS = new ExecutionOptions(null, null, null, null, null);

    private final IsolationLevel isolationLevel;
    private final Integer yieldPer;
    private final Boolean streamResults;
    private final Boolean compiledCache;
    private final SchemaTranslateMap schemaTranslateMap;

    private ExecutionOptions(IsolationLevel isolationLevel, Integer yieldPer, Boolean streamResults, Boolean compiledCache,
                             SchemaTranslateMap schemaTranslateMap) {
        this.isolationLevel = isolationLevel;
        this.yieldPer = yieldPer;
        this.streamResults = streamResults;
        this.compiledCache = compiledCache;
        this.schemaTranslateMap = schemaTranslateMap;
    }

    /** {@return options with nothing set} */
    public static ExecutionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the isolation level; {@link IsolationLevel#AUTOCOMMIT} makes every statement commit on its own.
     *
     * @param level the level
     * @return a copy with the level set
     */
    public ExecutionOptions isolationLevel(IsolationLevel level) {
        return new ExecutionOptions(Objects.requireNonNull(level, "level"), yieldPer, streamResults, compiledCache,
                schemaTranslateMap);
    }

    /**
     * Streams results in batches of {@code n} rows instead of loading them all into memory (SQLAlchemy's
     * {@code yield_per}, which implies {@code stream_results}); becomes the JDBC fetch size. On PostgreSQL the
     * driver streams only inside a transaction, which the connection's autobegin provides.
     *
     * @param n rows per batch, at least 1
     * @return a copy with streaming on
     */
    public ExecutionOptions yieldPer(int n) {
        if (n < 1) {
            throw new ArgumentException("yieldPer must be at least 1, got " + n);
        }
        return new ExecutionOptions(isolationLevel, n, true, compiledCache, schemaTranslateMap);
    }

    /**
     * Asks the driver for a streaming (server-side) cursor, fetching {@link #DEFAULT_STREAM_FETCH_SIZE} rows at a
     * time unless {@link #yieldPer(int)} says otherwise.
     *
     * @param on true to stream
     * @return a copy with the setting
     */
    public ExecutionOptions streamResults(boolean on) {
        return new ExecutionOptions(isolationLevel, on ? yieldPer : null, on, compiledCache, schemaTranslateMap);
    }

    /**
     * Turns use of the engine's compiled-statement cache on or off (SQLAlchemy's {@code compiled_cache=None}
     * turns it off); off compiles every statement afresh.
     *
     * @param on false to bypass the cache
     * @return a copy with the setting
     */
    public ExecutionOptions compiledCache(boolean on) {
        return new ExecutionOptions(isolationLevel, yieldPer, streamResults, on, schemaTranslateMap);
    }

    /**
     * Translates schema names as statements compile (SQLAlchemy's {@code schema_translate_map}): the same
     * {@code Table} objects then address another schema per engine, connection or tenant. Keys are the schemas
     * tables were declared in, {@code null} for tables of no schema; values the schemas to write, {@code null} for
     * none. Applies to SELECT, INSERT, UPDATE, DELETE and DDL ({@code text()} is written as given); compiled forms
     * are cached per map, so one statement run under two maps never gets the other's SQL.
     *
     * <pre>{@code
     * Map<String, String> tenant = new HashMap<>();
     * tenant.put(null, "acme");                                     // unqualified tables go to schema acme
     * Connection acme = engine.connect().executionOptions(ExecutionOptions.defaults().schemaTranslateMap(tenant));
     * }</pre>
     *
     * @param map declared schema to written schema; may hold a {@code null} key and {@code null} values
     * @return a copy with the map set (an empty map turns translation off)
     */
    public ExecutionOptions schemaTranslateMap(Map<String, String> map) {
        return new ExecutionOptions(isolationLevel, yieldPer, streamResults, compiledCache, SchemaTranslateMap.of(map));
    }

    /** {@return the isolation level, if set} */
    public Optional<IsolationLevel> isolationLevel() {
        return Optional.ofNullable(isolationLevel);
    }

    /** {@return the yield-per batch size, if set} */
    public OptionalInt yieldPer() {
        return yieldPer == null ? OptionalInt.empty() : OptionalInt.of(yieldPer);
    }

    /** {@return true when results stream} */
    public boolean streamResults() {
        return Boolean.TRUE.equals(streamResults);
    }

    /** {@return the schema translation in force; empty when none is set} */
    public SchemaTranslateMap schemaTranslateMap() {
        return schemaTranslateMap == null ? SchemaTranslateMap.empty() : schemaTranslateMap;
    }

    /** {@return true unless the compiled cache was turned off} */
    public boolean compiledCache() {
        return !Boolean.FALSE.equals(compiledCache);
    }

    /**
     * The JDBC fetch size these options ask for.
     *
     * @return the fetch size, or 0 for the driver's default
     */
    public int fetchSize() {
        if (yieldPer != null) {
            return yieldPer;
        }
        return streamResults() ? DEFAULT_STREAM_FETCH_SIZE : 0;
    }

    /**
     * Combines two sets of options: what {@code over} sets wins, the rest comes from this one.
     *
     * @param over the options laid on top
     * @return the combination
     */
    public ExecutionOptions mergedWith(ExecutionOptions over) {
        return new ExecutionOptions(
                over.isolationLevel != null ? over.isolationLevel : isolationLevel,
                over.yieldPer != null ? over.yieldPer : Boolean.FALSE.equals(over.streamResults) ? null : yieldPer,
                over.streamResults != null ? over.streamResults : streamResults,
                over.compiledCache != null ? over.compiledCache : compiledCache,
                over.schemaTranslateMap != null ? over.schemaTranslateMap : schemaTranslateMap);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutionOptions x && isolationLevel == x.isolationLevel && Objects.equals(yieldPer, x.yieldPer)
                && Objects.equals(streamResults, x.streamResults) && Objects.equals(compiledCache, x.compiledCache)
                && Objects.equals(schemaTranslateMap, x.schemaTranslateMap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(isolationLevel, yieldPer, streamResults, compiledCache, schemaTranslateMap);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExecutionOptions(");
        String sep = "";
        if (isolationLevel != null) {
            sb.append("isolationLevel=").append(isolationLevel);
            sep = ", ";
        }
        if (yieldPer != null) {
            sb.append(sep).append("yieldPer=").append(yieldPer);
            sep = ", ";
        }
        if (streamResults != null) {
            sb.append(sep).append("streamResults=").append(streamResults);
            sep = ", ";
        }
        if (compiledCache != null) {
            sb.append(sep).append("compiledCache=").append(compiledCache);
            sep = ", ";
        }
        if (schemaTranslateMap != null) {
            sb.append(sep).append("schemaTranslateMap=").append(schemaTranslateMap.asMap());
        }
        return sb.append(')').toString();
    }
}
