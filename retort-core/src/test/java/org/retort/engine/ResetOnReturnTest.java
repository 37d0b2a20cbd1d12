package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * The reset of a connection going back to the pool: an unfinished transaction that began on the database is rolled
 * back, and a connection on which no transaction began there sends no ROLLBACK (nor COMMIT) at all. Each test
 * checks the database's own view where it offers one: PostgreSQL's {@code pg_stat_activity} (the pooled backend's
 * state and last statement) and MariaDB's per-session {@code Com_rollback} / {@code Com_commit} counters.
 */
class ResetOnReturnTest {

    /** One pooled connection, so that every checkout gets the same physical connection back. */
    private static Engine onePooledConnection(TestDatabase db, List<String> echo) {
        return db.engine(b -> {
            b.echoTo(echo::add);
            if (!db.isSqlite()) {
                b.poolSize(1).maxOverflow(0);
            }
        });
    }

    @BackendTest
    void unfinishedTransactionIsRolledBackAndTheConnectionComesBackClean(TestDatabase db) {
        List<String> echo = new ArrayList<>();
        Engine engine = onePooledConnection(db, echo);
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE reset_t (x INTEGER)"));
            conn.commit();
        }
        Object pid = backendId(db, engine);
        echo.clear();
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO reset_t (x) VALUES (1)"));
            // closed without commit
        }
        assertThat(echo).containsExactly("BEGIN (implicit)", "INSERT INTO reset_t (x) VALUES (1)",
                "[parameters: ()]", "ROLLBACK");
        if (pid != null && db.name().equals("postgresql")) {
            assertThat(pgActivity(db, pid)).containsExactly("idle", "ROLLBACK");
        }
        // another connection sees no row and can write the table at once: nothing holds a lock on it (an
        // in-memory SQLite database exists only on the engine's own connection)
        Engine other = db.name().equals("sqlite-memory") ? engine : db.engine();
        try (Connection conn = other.connect()) {
            assertThat(((Number) conn.scalar(text("SELECT count(*) FROM reset_t"))).intValue()).isZero();
            conn.execute(text("INSERT INTO reset_t (x) VALUES (2)"));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT x FROM reset_t")).scalars(Integer.class).all()).containsExactly(2);
            conn.execute(text("DROP TABLE reset_t"));
            conn.commit();
        }
    }

    @BackendTest
    void connectionThatRanNothingSendsNoRollbackOrCommit(TestDatabase db) {
        List<String> echo = new ArrayList<>();
        Engine engine = onePooledConnection(db, echo);
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE reset_n (x INTEGER)"));
            conn.commit();
        }
        Object pid = backendId(db, engine);
        // MariaDB: what reading the counters itself adds to them, to subtract below
        long[] first = mariadbCounters(db, engine);
        long[] before = mariadbCounters(db, engine);
        echo.clear();
        try (Connection conn = engine.connect()) {
            assertThat(conn.inTransaction()).isFalse();
        }
        try (Connection conn = engine.connect()) {
            conn.begin(); // a transaction begun and left: it never reached the database
            assertThat(conn.inTransaction()).isTrue();
        }
        try (Connection conn = engine.connect()) {
            conn.begin().commit();
            conn.begin().rollback();
        }
        assertThat(echo).containsExactly("BEGIN (implicit)", "BEGIN (implicit)", "BEGIN (implicit)");
        if (pid != null) {
            // the pooled backend's last statement is still the COMMIT that ended backendId's query
            assertThat(pgActivity(db, pid)).containsExactly("idle", "COMMIT");
        }
        long[] after = mariadbCounters(db, engine);
        for (int i = 0; i < 2; i++) {
            assertThat(after[i] - before[i]).as("MariaDB Com_rollback, Com_commit").isEqualTo(before[i] - first[i]);
        }
        echo.clear();
        try (Connection conn = engine.connect()) {
            conn.begin();
            conn.execute(text("SELECT x FROM reset_n")).close();
        }
        assertThat(echo).containsExactly("BEGIN (implicit)", "SELECT x FROM reset_n", "[parameters: ()]", "ROLLBACK");
        if (pid != null) {
            assertThat(pgActivity(db, pid)).containsExactly("idle", "ROLLBACK");
        }
        long[] last = mariadbCounters(db, engine);
        if (db.name().equals("mariadb")) {
            assertThat(last[0] - after[0]).as("MariaDB Com_rollback").isEqualTo(before[0] - first[0] + 1);
        }
        try (Connection conn = engine.connect()) {
            conn.execute(text("DROP TABLE reset_n"));
            conn.commit();
        }
    }

    @BackendTest
    void jdbcConnectionBeginsTheTransactionItBelongsTo(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE reset_j (x INTEGER)"));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            conn.begin();
            try (java.sql.Statement st = conn.jdbcConnection().createStatement()) {
                st.executeUpdate("INSERT INTO reset_j (x) VALUES (1)");
            }
            conn.rollback();
            assertThat(((Number) conn.scalar(text("SELECT count(*) FROM reset_j"))).intValue()).isZero();
            conn.execute(text("DROP TABLE reset_j"));
            conn.commit();
        }
    }

    /** PostgreSQL: the pid of the pool's one connection, read and then committed; null elsewhere. */
    private static Object backendId(TestDatabase db, Engine engine) {
        if (!db.name().equals("postgresql")) {
            return null;
        }
        try (Connection conn = engine.connect()) {
            Object pid = conn.scalar(text("SELECT pg_backend_pid()"));
            conn.commit();
            return pid;
        }
    }

    /** PostgreSQL, seen from another connection: the state and the last statement of backend {@code pid}. */
    private static List<String> pgActivity(TestDatabase db, Object pid) {
        try (Connection conn = db.engine().connect()) {
            Row row = conn.execute(text("SELECT state, query FROM pg_stat_activity WHERE pid = :pid"),
                    Map.of("pid", pid)).one();
            return List.of(String.valueOf(row.get(0)), String.valueOf(row.get(1)));
        }
    }

    /** MariaDB: the pool's one connection's Com_rollback and Com_commit counters; zeros elsewhere. */
    private static long[] mariadbCounters(TestDatabase db, Engine engine) {
        if (!db.name().equals("mariadb")) {
            return new long[2];
        }
        try (Connection conn = engine.connect()) {
            Map<String, Long> values = new java.util.HashMap<>();
            for (Row row : conn.execute(text("SELECT variable_name, variable_value FROM information_schema.session_status "
                    + "WHERE variable_name IN ('COM_ROLLBACK', 'COM_COMMIT')")).all()) {
                values.put(String.valueOf(row.get(0)).toUpperCase(java.util.Locale.ROOT), Long.parseLong(String.valueOf(row.get(1))));
            }
            conn.commit();
            return new long[] {values.get("COM_ROLLBACK"), values.get("COM_COMMIT")};
        }
    }
}
