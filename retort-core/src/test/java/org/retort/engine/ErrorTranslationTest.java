package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retort.exc.DBAPIException;
import org.retort.exc.DataError;
import org.retort.exc.IntegrityError;
import org.retort.exc.NoSuchModuleException;
import org.retort.exc.OperationalError;
import org.retort.exc.ProgrammingError;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

class ErrorTranslationTest {

    private static Connection withTables(TestDatabase db) {
        Connection conn = db.engine().connect();
        conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(5) NOT NULL UNIQUE)"));
        conn.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                + "REFERENCES parent (id))"));
        conn.execute(text("INSERT INTO parent (id, name) VALUES (1, 'a')"));
        conn.commit();
        return conn;
    }

    @BackendTest
    void uniqueViolationIsIntegrityError(TestDatabase db) {
        try (Connection conn = withTables(db)) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO parent (id, name) VALUES (:id, :name)"),
                    Map.of("id", 2, "name", "a")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("INSERT INTO parent (id, name) VALUES (?, ?)")
                    .hasMessageContaining("[parameters: [2, a]]");
        }
    }

    @BackendTest
    void foreignKeyViolationIsIntegrityError(TestDatabase db) {
        try (Connection conn = withTables(db)) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 99)")))
                    .isInstanceOf(IntegrityError.class);
            conn.rollback();
            conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 1)"));
            conn.commit();
            assertThatThrownBy(() -> conn.execute(text("DELETE FROM parent WHERE id = 1")))
                    .isInstanceOf(IntegrityError.class);
        }
    }

    @BackendTest
    void notNullViolationIsIntegrityError(TestDatabase db) {
        try (Connection conn = withTables(db)) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO parent (id, name) VALUES (2, NULL)")))
                    .isInstanceOf(IntegrityError.class);
        }
    }

    @BackendTest
    void badSqlAndMissingTablesAndColumnsAreProgrammingErrors(TestDatabase db) {
        try (Connection conn = withTables(db)) {
            assertThatThrownBy(() -> conn.execute(text("SELEKT 1"))).isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("[SQL: SELEKT 1]");
            conn.rollback();
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM no_such_table")))
                    .isInstanceOf(ProgrammingError.class);
            conn.rollback();
            assertThatThrownBy(() -> conn.execute(text("SELECT no_such_column FROM parent")))
                    .isInstanceOf(ProgrammingError.class);
        }
    }

    @BackendTest(exclude = {"sqlite-file", "sqlite-memory"})
    void valueTooLongIsDataError(TestDatabase db) {
        try (Connection conn = withTables(db)) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO parent (id, name) VALUES (:id, :name)"),
                    Map.of("id", 5, "name", "much too long")))
                    .isInstanceOf(DataError.class)
                    .satisfies(e -> assertThat(((DBAPIException) e).sqlState()).startsWith("22"));
        }
    }

    @BackendTest(only = "sqlite-memory")
    void longParametersAreTruncatedInMessages(TestDatabase db) {
        try (Connection conn = withTables(db)) {
            String big = "q".repeat(5000);
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO parent (id, name) VALUES (1, :n)"), Map.of("n", big)))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("characters truncated")
                    .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));
        }
    }

    @BackendTest(only = "postgresql")
    void passwordNeverAppearsInToStringMessagesOrEcho(TestDatabase db) {
        URL url = db.url().withCredentials("postgres", "s3cretPw");
        List<String> echo = new ArrayList<>();
        Engine engine = Engine.builder(url).echoTo(echo::add).build();
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 1")).scalar()).isEqualTo(1);
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> conn.execute(text("SELECT * FROM nope")));
            assertThat(e).isInstanceOf(ProgrammingError.class);
            assertThat(e.getMessage()).doesNotContain("s3cretPw");
            assertThat(conn.toString()).contains("postgres:***@").doesNotContain("s3cretPw");
        } finally {
            engine.dispose();
        }
        assertThat(engine.toString()).doesNotContain("s3cretPw");
        assertThat(engine.pool().status()).doesNotContain("s3cretPw");
        assertThat(echo).isNotEmpty().noneMatch(line -> line.contains("s3cretPw"));
        Engine unreachable = Engine.builder(url.withHost("127.0.0.1", 1)).connectArgs(Map.of("connectTimeout", "2"))
                .build();
        long start = System.nanoTime();
        assertThatThrownBy(unreachable::connect).isInstanceOf(OperationalError.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cretPw"));
        assertThat(System.nanoTime() - start).as("fails fast, not after the pool timeout").isLessThan(10_000_000_000L);
        unreachable.dispose();
    }

    @Test
    void wrongPasswordIsOperationalErrorWithoutThePassword() {
        String name = "h2:mem:pw_" + UUID.randomUUID().toString().replace("-", "");
        URL url = URL.parse(name).withCredentials("app", "rightPw");
        try (Engine owner = Engine.create(url)) {
            try (Connection conn = owner.connect()) {
                conn.execute(text("SELECT 1")).close();
                Engine wrong = Engine.create(url.withCredentials("app", "wr0ngPw"));
                long start = System.nanoTime();
                assertThatThrownBy(wrong::connect).isInstanceOf(OperationalError.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wr0ngPw").doesNotContain("rightPw"));
                assertThat(System.nanoTime() - start).as("fails fast").isLessThan(10_000_000_000L);
                wrong.dispose();
                try {
                    conn.execute(text("SHUTDOWN"));
                } catch (OperationalError closedByShutdown) {
                    // H2 reports the database it just shut down as closed
                }
            }
        }
    }

    @Test
    void missingDriverNamesTheMavenCoordinates() {
        assertThatThrownBy(() -> Engine.create("oracle://scott:tiger@localhost:1521/xe"))
                .isInstanceOf(NoSuchModuleException.class)
                .hasMessageContaining("com.oracle.database.jdbc:ojdbc11")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tiger"));
        assertThatThrownBy(() -> Engine.create("mssql://sa:pw@localhost/master"))
                .isInstanceOf(NoSuchModuleException.class)
                .hasMessageContaining("com.microsoft.sqlserver:mssql-jdbc");
    }
}
