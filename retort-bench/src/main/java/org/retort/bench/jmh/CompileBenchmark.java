package org.retort.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.retort.dialect.Dialect;
import org.retort.engine.CompiledCache;
import org.retort.engine.Engine;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;

/**
 * Compiling a statement cold against taking it from the engine's {@link CompiledCache}, per
 * {@link StatementShape}: {@code cold} compiles a prebuilt statement (a cache miss), {@code cached} computes its
 * cache key and looks it up (a hit, what {@code Connection.execute} does), {@code buildAndCached} also builds the
 * statement object first, as application code that writes the statement inline does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {

    /** The statement compiled; every constant of the enum runs. */
    @Param
    public StatementShape shape;

    private Engine engine;
    private Dialect dialect;
    private CompiledCache cache;
    private Executable statement;

    /** Creates the engine and fills the cache with the statement's compiled form. */
    @Setup
    public void setUp() {
        engine = Engine.create("sqlite://");
        dialect = engine.dialect();
        cache = engine.compiledCache();
        statement = shape.build();
        Compiled first = cached();
        if (first != cached() || first != buildAndCached() || cache.hits() != 2) {
            throw new IllegalStateException("the compiled cache did not return the cached form of " + shape + ": " + cache);
        }
    }

    /** Closes the engine. */
    @TearDown
    public void tearDown() {
        engine.dispose();
    }

    /**
     * Compiles the statement for the dialect, as on a cache miss.
     *
     * @return the compiled form
     */
    @Benchmark
    public Compiled cold() {
        return statement.compile(dialect);
    }

    /**
     * Computes the statement's cache key and finds its compiled form in the engine's cache.
     *
     * @return the cached compiled form
     */
    @Benchmark
    public Compiled cached() {
        Executable s = statement;
        return cache.get(s.cacheKey(), k -> s.compile(dialect));
    }

    /**
     * Builds the statement object, then finds its compiled form in the cache.
     *
     * @return the cached compiled form
     */
    @Benchmark
    public Compiled buildAndCached() {
        Executable s = shape.build();
        return cache.get(s.cacheKey(), k -> s.compile(dialect));
    }
}
