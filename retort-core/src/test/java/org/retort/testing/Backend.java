package org.retort.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.retort.dialect.Dialect;
import org.retort.dialect.Dialects;
import org.retort.engine.URL;

/**
 * A database the test suite runs against, and how to make and drop an isolated database on it.
 */
public enum Backend {
    /** SQLite in a temporary file. */
    SQLITE_FILE("sqlite-file", false),
    /** SQLite in memory. */
    SQLITE_MEMORY("sqlite-memory", false),
    /** H2 in memory. */
    H2("h2", false),
    /** PostgreSQL on 127.0.0.1:5432 (or {@code RETORT_TEST_POSTGRESQL_URL}), one schema per test. */
    POSTGRESQL("postgresql", true),
    /** MariaDB on 127.0.0.1:3306 (or {@code RETORT_TEST_MARIADB_URL}), one database per test. */
    MARIADB("mariadb", true);

    /** Every backend, in run order. */
    public static final List<Backend> ALL = List.of(values());

    private final String label;
    private final boolean server;
    private volatile String unreachable;
    private volatile boolean probed;

    Backend(String label, boolean server) {
        this.label = label;
        this.server = server;
    }

    /** @return the backend's name in test output and in {@link BackendTest#only()} */
    public String label() {
        return label;
    }

    /** @return true for a server that may be unreachable */
    public boolean isServer() {
        return server;
    }

    /** @return the URL of the server's maintenance database, where per-test databases are made */
    public URL adminUrl() {
        return switch (this) {
            case POSTGRESQL -> URL.parse(env("RETORT_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test"));
            case MARIADB -> URL.parse(env("RETORT_TEST_MARIADB_URL", "mariadb://root@127.0.0.1:3306/test"));
            default -> throw new IllegalStateException(label + " is embedded");
        };
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * Checks once per JVM whether the server answers.
     *
     * @return null when reachable, else the reason
     */
    public synchronized String unreachableReason() {
        if (!server) {
            return null;
        }
        if (!probed) {
            probed = true;
            try (var c = rawConnect(adminUrl())) {
                unreachable = null;
            } catch (SQLException | RuntimeException e) {
                unreachable = adminUrl() + ": " + e.getMessage();
            }
        }
        return unreachable;
    }

    static java.sql.Connection rawConnect(URL url) throws SQLException {
        Dialect d = Dialects.forUrl(url);
        d.loadDriver();
        Properties p = d.connectProperties(url);
        p.putIfAbsent("connectTimeout", "5");
        if (url.backend().startsWith("maria") || url.backend().equals("mysql")) {
            p.setProperty("connectTimeout", "5000");
        }
        return DriverManager.getConnection(d.jdbcUrl(url), p);
    }

    /**
     * Creates a fresh isolated database on this backend.
     *
     * @return its URL and how to drop it
     * @throws Exception when it cannot be created
     */
    public Provisioned provision() throws Exception {
        String id = "rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        switch (this) {
            case SQLITE_FILE: {
                Path file = Files.createTempFile("retort-test-", ".db");
                Files.delete(file);
                return new Provisioned(URL.parse("sqlite:///" + file), () -> {
                    for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                        Files.deleteIfExists(Path.of(file + suffix));
                    }
                });
            }
            case SQLITE_MEMORY:
                return new Provisioned(URL.parse("sqlite://"), () -> { });
            case H2: {
                URL url = URL.parse("h2:mem:" + id);
                return new Provisioned(url, () -> {
                    try (var c = rawConnect(url); Statement st = c.createStatement()) {
                        st.execute("SHUTDOWN");
                    }
                });
            }
            case POSTGRESQL: {
                URL admin = adminUrl();
                exec(admin, "CREATE SCHEMA " + id);
                return new Provisioned(admin.withQuery("currentSchema", id), () -> exec(admin, "DROP SCHEMA " + id + " CASCADE"));
            }
            case MARIADB: {
                URL admin = adminUrl();
                exec(admin, "CREATE DATABASE " + id + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                return new Provisioned(admin.withDatabase(id), () -> exec(admin, "DROP DATABASE IF EXISTS " + id));
            }
            default:
                throw new IllegalStateException(label);
        }
    }

    private static void exec(URL url, String sql) throws SQLException {
        try (var c = rawConnect(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** A provisioned database: its URL and how to drop it. */
    public record Provisioned(URL url, Cleanup cleanup) {
    }

    /** Drops a provisioned database. */
    @FunctionalInterface
    public interface Cleanup {
        /**
         * Drops it.
         *
         * @throws Exception on failure
         */
        void run() throws Exception;
    }
}
