package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

class EchoTest {

    @BackendTest
    void echoShowsStatementsParametersAndTransactionControl(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        Engine engine = db.engine(b -> b.echoTo(lines::add));
        assertThat(engine.echo()).isTrue();
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT :a, :b"), Map.of("a", 1, "b", "x")).close();
            conn.commit();
            Transaction tx = conn.begin();
            conn.beginNested().rollback();
            conn.beginNested().commit();
            tx.rollback();
        }
        assertThat(lines).containsExactly(
                "BEGIN (implicit)", "SELECT ?, ?", "[parameters: (1, 'x')]", "COMMIT",
                "BEGIN (implicit)", "SAVEPOINT sa_savepoint_1", "ROLLBACK TO SAVEPOINT sa_savepoint_1",
                "SAVEPOINT sa_savepoint_2", "RELEASE SAVEPOINT sa_savepoint_2", "ROLLBACK");
    }

    @BackendTest(only = {"sqlite-file", "postgresql"})
    void executemanyEchoesEveryParameterSetAndAutocommitSaysSo(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        Engine engine = db.engine(b -> b.echoTo(lines::add));
        try (Connection conn = engine.connect()) {
            conn.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
            conn.execute(text("CREATE TABLE t (x INTEGER)"));
            conn.execute(text("INSERT INTO t (x) VALUES (:x)"), List.of(Map.of("x", 1), Map.of("x", 2)));
            conn.begin().commit();
        }
        assertThat(lines).containsExactly("CREATE TABLE t (x INTEGER)", "[parameters: ()]",
                "INSERT INTO t (x) VALUES (?)", "[parameters: [(1,), (2,)]]",
                "BEGIN (implicit; DBAPI should not BEGIN due to autocommit mode)",
                "COMMIT using DBAPI connection.commit(), DBAPI should ignore due to autocommit mode");
    }

    @BackendTest(only = "sqlite-memory")
    void longParameterValuesAreTruncated(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        Engine engine = db.engine(b -> b.echoTo(lines::add));
        String big = "a".repeat(60) + "x".repeat(400) + "z".repeat(60);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT :v"), Map.of("v", big)).scalar()).isEqualTo(big);
        }
        String params = lines.get(2);
        assertThat(params).startsWith("[parameters: ('aaaa").contains("characters truncated").endsWith("zzz',)]");
        assertThat(params.length()).isLessThan(200);
    }

    @BackendTest(only = "sqlite-memory")
    void hiddenParametersStayOutOfEchoAndErrors(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        Engine engine = db.engine(b -> b.echoTo(lines::add).hideParameters(true));
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (x VARCHAR(20) PRIMARY KEY)"));
            conn.execute(text("INSERT INTO t (x) VALUES (:x)"), Map.of("x", "card-4111"));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> conn.execute(text("INSERT INTO t (x) VALUES (:x)"), Map.of("x", "card-4111")))
                    .isInstanceOf(org.retort.exc.IntegrityError.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("card-4111").contains("INSERT INTO t"));
        }
        assertThat(lines).contains("[SQL parameters hidden due to hideParameters]")
                .noneMatch(line -> line.contains("card-4111"));
    }
}
