package org.retort.bench.jmh;

import static org.retort.sql.Sql.select;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.orm.Orm;
import org.retort.orm.Registry;
import org.retort.orm.Session;
import org.retort.orm.SessionFactory;
import org.retort.schema.Table;
import org.retort.sql.Select;

/**
 * Row-to-object mapping: loading every row of a 10-column table as mapped {@link WideEntity} objects through a
 * fresh {@link Session} ({@code session.scalars(select(WideEntity.class)).all()}: rows, objects, identity map,
 * committed-value snapshots), against Core {@link Row}s of {@code select(table)} on the same engine, and against
 * a hand-written JDBC loop filling the same class with typed getters. Each invocation checks out a connection
 * (the session does too), runs and reads the whole query; the score is per query of {@code rows} rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrmLoadBenchmark {

    /** The database: {@code sqlite} or {@code h2}, both in memory. */
    @Param({"sqlite", "h2"})
    public String database;

    /** Rows in the table. */
    @Param({"1000"})
    public int rows;

    private Engine engine;
    private SessionFactory sessions;
    private Select coreSelect;
    private String sql;

    /** Creates and fills the table, and checks that the three readers see the same rows. */
    @Setup
    public void setUp() throws SQLException {
        engine = Engine.create(database.equals("h2") ? "h2:mem:ormload" : "sqlite://");
        Registry registry = Registry.of(WideEntity.class);
        registry.metadata().dropAll(engine);
        registry.metadata().createAll(engine);
        Table table = registry.metadata().table("bench_wide_entity");
        sessions = SessionFactory.builder(engine).registry(registry).build();
        try (Session s = sessions.open()) {
            for (int i = 0; i < rows; i++) {
                s.add(WideEntity.row(i));
            }
            s.commit();
        }
        coreSelect = select(table);
        sql = "SELECT id, c1, c2, c3, c4, c5, c6, c7, c8, c9 FROM bench_wide_entity";
        int viaOrm = ormEntities().size();
        int viaCore = coreRows().size();
        int viaJdbc = jdbcObjects().size();
        if (viaOrm != rows || viaCore != rows || viaJdbc != rows) {
            throw new IllegalStateException("expected " + rows + " rows, read " + viaOrm + " / " + viaCore + " / " + viaJdbc);
        }
    }

    /** Closes the engine. */
    @TearDown
    public void tearDown() {
        engine.dispose();
    }

    /**
     * ORM: a fresh session loads every row as an object.
     *
     * @return the objects
     */
    @Benchmark
    public List<WideEntity> ormEntities() {
        try (Session s = sessions.open()) {
            return s.scalars(Orm.select(WideEntity.class)).all();
        }
    }

    /**
     * Core: {@code select(table)} into {@link Row}s on a connection checked out for the query.
     *
     * @return the rows
     */
    @Benchmark
    public List<Row> coreRows() {
        try (Connection conn = engine.connect()) {
            return conn.execute(coreSelect).all();
        }
    }

    /**
     * Raw JDBC on a connection of the same pool: prepare, execute, typed getters into a new object per row.
     *
     * @return the objects
     * @throws SQLException on failure
     */
    @Benchmark
    public List<WideEntity> jdbcObjects() throws SQLException {
        List<WideEntity> out = new ArrayList<>(rows);
        try (Connection conn = engine.connect();
             PreparedStatement ps = conn.jdbcConnection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                WideEntity e = new WideEntity();
                e.id = rs.getInt(1);
                e.c1 = rs.getString(2);
                e.c2 = rs.getInt(3);
                e.c3 = rs.getLong(4);
                e.c4 = rs.getDouble(5);
                e.c5 = rs.getString(6);
                e.c6 = rs.getInt(7);
                e.c7 = rs.getString(8);
                e.c8 = rs.getLong(9);
                e.c9 = rs.getDouble(10);
                out.add(e);
            }
        }
        return out;
    }
}
