package org.retort.bench.harness;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.retort.dialect.Dialect;
import org.retort.dialect.Dialects;
import org.retort.engine.Engine;
import org.retort.engine.URL;

/**
 * The database of one suite run and the two ways to reach it: a Retort {@link Engine} for the Retort
 * contenders and a plain HikariCP {@link DataSource} for the raw-JDBC floor. Both pools are HikariCP with the
 * same driver properties (the ones Retort's dialect chooses, e.g. {@code reWriteBatchedInserts=true} on
 * PostgreSQL), so the comparison measures Retort's layers, not different pools.
 *
 * <p>Opening creates the run's private space (a SQLite file, a PostgreSQL schema, an H2 memory database);
 * {@link #close()} drops it. On MariaDB the run uses database {@code test} and each workload drops its
 * {@code bench_} tables.
 */
public final class BenchContext implements AutoCloseable {
    private final Database database;
    private final URL url;
    private final Engine engine;
    private final HikariDataSource jdbc;
    private final Cleanup cleanup;

    private BenchContext(Database database, URL url, Cleanup cleanup) {
        this.database = database;
        this.url = url;
        this.cleanup = cleanup;
        this.engine = Engine.create(url);
        Dialect dialect = Dialects.forUrl(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-jdbc-" + database.label());
        config.setJdbcUrl(dialect.jdbcUrl(url));
        config.setDriverClassName(dialect.driverClassName());
        config.setDataSourceProperties(dialect.connectProperties(url));
        config.setMinimumIdle(0);
        config.setMaximumPoolSize(15);
        this.jdbc = new HikariDataSource(config);
    }

    /**
     * Creates the run's private space on a database and connects to it.
     *
     * @param database which database
     * @param serverUrl the server's URL for PostgreSQL and MariaDB (SQLAlchemy form); ignored for embedded ones
     * @param workDir where SQLite puts its file
     * @return the context
     * @throws Exception when the database cannot be reached or prepared
     */
    public static BenchContext open(Database database, String serverUrl, Path workDir) throws Exception {
        String id = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        switch (database) {
            case SQLITE: {
                Files.createDirectories(workDir);
                Path file = workDir.resolve(id + ".db").toAbsolutePath();
                return new BenchContext(database, URL.parse("sqlite:///" + file), () -> {
                    for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                        Files.deleteIfExists(Path.of(file + suffix));
                    }
                });
            }
            case H2: {
                URL url = URL.parse("h2:mem:" + id);
                return new BenchContext(database, url, () -> {
                    try (Connection c = connectRaw(url); Statement st = c.createStatement()) {
                        st.execute("SHUTDOWN");
                    }
                });
            }
            case POSTGRESQL: {
                URL admin = URL.parse(serverUrl);
                rawExecute(admin, "CREATE SCHEMA " + id);
                return new BenchContext(database, admin.withQuery("currentSchema", id),
                        () -> rawExecute(admin, "DROP SCHEMA " + id + " CASCADE"));
            }
            case MARIADB:
                return new BenchContext(database, URL.parse(serverUrl), () -> { });
            default:
                throw new IllegalStateException(database.label());
        }
    }

    private static Connection connectRaw(URL url) throws SQLException {
        Dialect d = Dialects.forUrl(url);
        d.loadDriver();
        return DriverManager.getConnection(d.jdbcUrl(url), d.connectProperties(url));
    }

    private static void rawExecute(URL url, String sql) throws SQLException {
        try (Connection c = connectRaw(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** @return which database this run is on */
    public Database database() {
        return database;
    }

    /** @return the URL Retort connects with (its {@code toString()} masks passwords) */
    public URL url() {
        return url;
    }

    /** @return the Retort engine, for the Retort contenders */
    public Engine engine() {
        return engine;
    }

    /** @return the raw HikariCP pool, for the JDBC floor and for untimed setup and verification */
    public DataSource jdbc() {
        return jdbc;
    }

    /**
     * Runs SQL through the raw pool and commits; for setup and teardown, never timed.
     *
     * @param sql statements to run in order
     * @throws SQLException on failure
     */
    public void execute(String... sql) throws SQLException {
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /**
     * Drops a table if it exists and creates it again, empty.
     *
     * @param table the table name, starting with {@code bench_}
     * @param columns the column definitions after the identity column {@code id}
     * @throws SQLException on failure
     */
    public void recreate(String table, String columns) throws SQLException {
        execute("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (" + database.identityColumn() + ", " + columns + ")");
    }

    /**
     * Drops tables if they exist.
     *
     * @param tables the table names
     * @throws SQLException on failure
     */
    public void drop(String... tables) throws SQLException {
        for (String t : tables) {
            execute("DROP TABLE IF EXISTS " + t);
        }
    }

    /**
     * Reads one number with the raw pool, e.g. {@code SELECT COUNT(*) FROM t}.
     *
     * @param sql a query returning one row with one numeric column
     * @return the number, 0 for NULL
     * @throws SQLException on failure
     */
    public long queryLong(String sql) throws SQLException {
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Reads every row of a query with the raw pool into a checksum; for verification, never timed.
     *
     * @param sql the query
     * @return the checksum of its rows, values read with {@code getObject}
     * @throws SQLException on failure
     */
    public Checksum checksum(String sql) throws SQLException {
        Checksum sum = new Checksum();
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                sum.add(row);
            }
        }
        return sum;
    }

    /** Closes both pools and drops the run's private space. */
    @Override
    public void close() throws Exception {
        try {
            engine.dispose();
            jdbc.close();
        } finally {
            cleanup.run();
        }
    }

    @FunctionalInterface
    private interface Cleanup {
        void run() throws Exception;
    }
}
