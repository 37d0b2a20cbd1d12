package org.retort.bench.jmh;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.retort.engine.Engine;
import org.retort.orm.Orm;
import org.retort.orm.Registry;
import org.retort.orm.Session;
import org.retort.orm.SessionFactory;

/**
 * Dirty check and flush of modified objects: a session holds {@code objects} loaded {@link WideEntity} objects;
 * each invocation assigns a new value to one field of every object and flushes ({@code modifyAndFlush}: the
 * dirty check finds them all and writes one batched UPDATE), or flushes with nothing changed
 * ({@code cleanFlush}: the dirty check alone). {@code jdbcBatch} is the floor: the same UPDATEs as a JDBC batch
 * on the session's own connection. The transaction is committed after each iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FlushBenchmark {

    /** The database: {@code sqlite} or {@code h2}, both in memory. */
    @Param({"sqlite", "h2"})
    public String database;

    /** Objects in the session, all modified by each invocation of {@code modifyAndFlush}. */
    @Param({"1000"})
    public int objects;

    private Engine engine;
    private Session session;
    private List<WideEntity> loaded;
    private int round;

    /** Creates and fills the table and loads every object into one session. */
    @Setup
    public void setUp() {
        engine = Engine.create(database.equals("h2") ? "h2:mem:flush" : "sqlite://");
        Registry registry = Registry.of(WideEntity.class);
        registry.metadata().dropAll(engine);
        registry.metadata().createAll(engine);
        SessionFactory sessions = SessionFactory.builder(engine).registry(registry).expireOnCommit(false).build();
        session = sessions.open();
        for (int i = 0; i < objects; i++) {
            session.add(WideEntity.row(i));
        }
        session.commit();
        loaded = session.scalars(Orm.select(WideEntity.class)).all();
        if (loaded.size() != objects) {
            throw new IllegalStateException("loaded " + loaded.size() + " objects, expected " + objects);
        }
        modifyAndFlush();
        if (session.isModified(loaded.get(0))) {
            throw new IllegalStateException("the flush left the objects modified");
        }
    }

    /** Commits what the iteration flushed, so that the transaction stays short. */
    @TearDown(Level.Iteration)
    public void commit() {
        session.commit();
    }

    /** Closes the session and the engine. */
    @TearDown
    public void tearDown() {
        session.close();
        engine.dispose();
    }

    /** Assigns a new value to field {@code c2} of every object and flushes: {@code objects} UPDATEs. */
    @Benchmark
    public void modifyAndFlush() {
        int r = ++round;
        for (WideEntity e : loaded) {
            e.c2 = r;
        }
        session.flush();
    }

    /** Flushes with nothing changed: the dirty check of every object, and no SQL. */
    @Benchmark
    public void cleanFlush() {
        session.flush();
    }

    /**
     * The floor: the same {@code objects} UPDATEs as one JDBC batch on the session's connection.
     *
     * @return rows updated
     * @throws SQLException on failure
     */
    @Benchmark
    public int jdbcBatch() throws SQLException {
        int r = ++round;
        try (PreparedStatement ps = session.connection().jdbcConnection()
                .prepareStatement("UPDATE bench_wide_entity SET c2 = ? WHERE id = ?")) {
            for (WideEntity e : loaded) {
                ps.setInt(1, r);
                ps.setInt(2, e.id);
                ps.addBatch();
            }
            int n = 0;
            for (int c : ps.executeBatch()) {
                n += Math.max(c, 0);
            }
            return n;
        }
    }
}
