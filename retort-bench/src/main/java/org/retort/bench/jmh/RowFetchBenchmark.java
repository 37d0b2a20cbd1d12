package org.retort.bench.jmh;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.sql.Sql;
import org.retort.sql.TextClause;

/**
 * Reading every row of a 10-column table (ints, bigints, doubles, strings) in an in-memory database: through
 * Retort ({@code conn.execute(text(...))}, one {@link Row} per row) against a hand-written loop over the same
 * connection's {@link ResultSet} with {@code getObject} per column, and with typed getters into a record. Each
 * invocation prepares, executes and reads the whole query; the score is per query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RowFetchBenchmark {
    private static final String SQL = "SELECT id, c1, c2, c3, c4, c5, c6, c7, c8, c9 FROM bench_wide";

    /** The database: {@code sqlite} or {@code h2}, both in memory. */
    @Param({"sqlite", "h2"})
    public String database;

    /** Rows in the table. */
    @Param({"1000"})
    public int rows;

    private Engine engine;
    private Connection conn;
    private TextClause select;

    /** A row as a hand-written JDBC program holds it. */
    record Wide(int id, String c1, int c2, long c3, double c4, String c5, int c6, String c7, long c8, double c9) {
    }

    /** Creates and fills the table, and checks that all three readers see the same rows. */
    @Setup
    public void setUp() throws SQLException {
        engine = Engine.create(database.equals("h2") ? "h2:mem:rowfetch" : "sqlite://");
        conn = engine.connect();
        conn.execute(Sql.text("DROP TABLE IF EXISTS bench_wide"));
        conn.execute(Sql.text("CREATE TABLE bench_wide (id INTEGER PRIMARY KEY, c1 VARCHAR(50), c2 INTEGER, c3 BIGINT,"
                + " c4 DOUBLE PRECISION, c5 VARCHAR(50), c6 INTEGER, c7 VARCHAR(50), c8 BIGINT, c9 DOUBLE PRECISION)"));
        List<Map<String, Object>> params = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("id", i + 1);
            p.put("c1", "name " + i);
            p.put("c2", i * 2);
            p.put("c3", i * 1_000_000_000L);
            p.put("c4", i / 3.0);
            p.put("c5", "description of row " + i);
            p.put("c6", -i);
            p.put("c7", "x" + i);
            p.put("c8", (long) i * i);
            p.put("c9", i * 0.5);
            params.add(p);
        }
        conn.execute(Sql.text("INSERT INTO bench_wide VALUES (:id, :c1, :c2, :c3, :c4, :c5, :c6, :c7, :c8, :c9)"), params);
        conn.commit();
        select = Sql.text(SQL);
        int viaRetort = conn.execute(select).all().size();
        int viaObjects = jdbcObjects(new ListBlackhole());
        int viaTyped = jdbcTyped(new ListBlackhole());
        if (viaRetort != rows || viaObjects != rows || viaTyped != rows) {
            throw new IllegalStateException("expected " + rows + " rows, read " + viaRetort + " / " + viaObjects + " / " + viaTyped);
        }
    }

    /** Closes the connection and the engine. */
    @TearDown
    public void tearDown() {
        conn.close();
        engine.dispose();
    }

    /**
     * Retort: execute the cached {@code text()} statement and iterate its {@link Row}s.
     *
     * @param bh consumes each row
     * @return rows read
     */
    @Benchmark
    public int retortRows(Blackhole bh) {
        int n = 0;
        for (Row row : conn.execute(select)) {
            bh.consume(row);
            n++;
        }
        return n;
    }

    /**
     * Raw JDBC: prepare, execute, {@code getObject} every column into an {@code Object[]} per row.
     *
     * @param bh consumes each row
     * @return rows read
     * @throws SQLException on failure
     */
    @Benchmark
    public int jdbcObjects(Blackhole bh) throws SQLException {
        return jdbcObjects((Object o) -> bh.consume(o));
    }

    /**
     * Raw JDBC: prepare, execute, typed getters into a record per row.
     *
     * @param bh consumes each row
     * @return rows read
     * @throws SQLException on failure
     */
    @Benchmark
    public int jdbcTyped(Blackhole bh) throws SQLException {
        return jdbcTyped((Object o) -> bh.consume(o));
    }

    private int jdbcObjects(Sink sink) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = conn.jdbcConnection().prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] values = new Object[10];
                for (int i = 0; i < 10; i++) {
                    values[i] = rs.getObject(i + 1);
                }
                sink.accept(values);
                n++;
            }
        }
        return n;
    }

    private int jdbcTyped(Sink sink) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = conn.jdbcConnection().prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(new Wide(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getDouble(5),
                        rs.getString(6), rs.getInt(7), rs.getString(8), rs.getLong(9), rs.getDouble(10)));
                n++;
            }
        }
        return n;
    }

    @FunctionalInterface
    private interface Sink {
        void accept(Object row);
    }

    /** A sink for the setup check that keeps nothing. */
    private static final class ListBlackhole implements Sink {
        @Override
        public void accept(Object row) {
        }
    }
}
