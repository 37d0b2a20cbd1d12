package org.retort.bench.jmh;

import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.bindparam;
import static org.retort.sql.Sql.select;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.VARCHAR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Database;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.IsolationLevel;
import org.retort.engine.Row;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.sql.Select;

/**
 * One primary-key lookup on a fresh connection checkout, the unit of the suite's {@code short_selects}: Retort
 * ({@code engine.connect()}, {@code execute(select(t).where(t.c("id").eq(bindparam("id"))), Map.of("id", id))
 * .first()}, close) against raw JDBC through HikariCP ({@code getConnection()} in autocommit, prepare, execute,
 * typed getters, close). {@code coreAutocommit} is the Retort lookup on an engine whose isolation level is
 * {@code AUTOCOMMIT}: no transaction, so no ROLLBACK when the connection goes back (what raw JDBC in
 * autocommit does). The score is per lookup.
 *
 * <p>{@code database} is {@code sqlite} (a file in a temporary directory) or {@code postgresql} (the suite's
 * server, {@code RETORT_BENCH_POSTGRESQL_URL} or {@code postgresql://postgres@127.0.0.1:5432/test}, in a schema of
 * its own that is dropped at the end).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ShortSelectBenchmark {
    private static final int ROWS = 1_000;
    private static final String TABLE = "bench_jmh_short";
    private static final String SQL = "SELECT id, name, description, q, p FROM " + TABLE + " WHERE id = ?";

    /** The database: {@code sqlite} or {@code postgresql}. */
    @Param({"sqlite", "postgresql"})
    public String database;

    private Path dir;
    private BenchContext ctx;
    private Engine autocommitEngine;
    private Select stmt;
    private int next;

    /** A looked-up row as a hand-written JDBC program holds it. */
    record Customer(int id, String name, String description, int q, int p) {
    }

    /**
     * Creates and fills the table and checks that every contender finds the same row.
     *
     * @throws Exception when the database cannot be reached
     */
    @Setup
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("retort-jmh-short");
        Database db = Database.of(database);
        String server = System.getenv().getOrDefault("RETORT_BENCH_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test");
        ctx = BenchContext.open(db, server, dir);
        ctx.recreate(TABLE, "name VARCHAR(255), description VARCHAR(255), q INTEGER, p INTEGER");
        try (java.sql.Connection c = ctx.jdbc().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, description, q, p) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int id = 1; id <= ROWS; id++) {
                ps.setInt(1, id);
                ps.setString(2, "c" + id);
                ps.setString(3, "d" + id);
                ps.setInt(4, id * 10);
                ps.setInt(5, id * 20);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
        Table t = new MetaData().table(TABLE, column("id", INTEGER, primaryKey()), column("name", VARCHAR(255)),
                column("description", VARCHAR(255)), column("q", INTEGER), column("p", INTEGER));
        stmt = select(t).where(t.c("id").eq(bindparam("id")));
        autocommitEngine = Engine.builder(ctx.url()).isolationLevel(IsolationLevel.AUTOCOMMIT).build();
        next = 6;
        Object a = ((Row) core()).get(2);
        next = 6;
        Object b = ((Row) coreAutocommit()).get(2);
        next = 6;
        Object c = jdbc().description();
        if (!"d7".equals(a) || !a.equals(b) || !a.equals(c)) {
            throw new IllegalStateException("the contenders found different rows: " + a + " / " + b + " / " + c);
        }
    }

    /**
     * Drops the table and closes the pools.
     *
     * @throws Exception on failure
     */
    @TearDown
    public void tearDown() throws Exception {
        autocommitEngine.dispose();
        ctx.drop(TABLE);
        ctx.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private int nextId() {
        next = next % ROWS + 1;
        return next;
    }

    /**
     * Retort Core: checkout, execute the prebuilt {@code select()}, first row, close.
     *
     * @return the row
     */
    @Benchmark
    public Object core() {
        try (Connection conn = ctx.engine().connect()) {
            return conn.execute(stmt, Map.of("id", nextId())).first();
        }
    }

    /**
     * Retort Core on an AUTOCOMMIT engine: no BEGIN and no ROLLBACK.
     *
     * @return the row
     */
    @Benchmark
    public Object coreAutocommit() {
        try (Connection conn = autocommitEngine.connect()) {
            return conn.execute(stmt, Map.of("id", nextId())).first();
        }
    }

    /**
     * Raw JDBC: {@code getConnection()}, prepare, execute, typed getters into a record, close.
     *
     * @return the row
     * @throws SQLException on failure
     */
    @Benchmark
    public Customer jdbc() throws SQLException {
        try (java.sql.Connection c = ctx.jdbc().getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setInt(1, nextId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Customer(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5))
                        : null;
            }
        }
    }
}
