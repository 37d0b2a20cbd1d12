package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.util.List;
import java.util.Map;
import org.retort.exc.ArgumentException;
import org.retort.exc.IntegrityError;
import org.retort.exc.ProgrammingError;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

class ConnectionTest {

    private static void createTable(Connection conn) {
        conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY, y VARCHAR(20))"));
        conn.commit();
    }

    @BackendTest
    void executesTextWithNamedParametersAndExecutemany(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            createTable(conn);
            Result r = conn.execute(text("INSERT INTO t (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 1, "y", "one"), Map.of("x", 2, "y", "two"), Map.of("x", 3, "y", "three")));
            // pgJDBC's reWriteBatchedInserts folds the batch into multi-row INSERTs and reports no per-row counts
            assertThat(r.rowcount()).isEqualTo(db.name().equals("postgresql") ? -1 : 3);
            conn.commit();
            List<Row> rows = conn.execute(text("SELECT x, y FROM t WHERE x > :x ORDER BY x"), Map.of("x", 1)).all();
            assertThat(rows).hasSize(2);
            assertThat(((Number) rows.get(0).get("x")).intValue()).isEqualTo(2);
            assertThat(rows.get(0).get(1)).isEqualTo("two");
            assertThat(rows.get(1).get("Y")).isEqualTo("three");
            assertThat(rows.get(0).keys()).containsExactly("x", "y");
        }
    }

    @BackendTest
    void rollbackDiscardsAndCommitKeeps(TestDatabase db) {
        Engine engine = db.engine();
        try (Connection conn = engine.connect()) {
            createTable(conn);
            conn.execute(text("INSERT INTO t (x, y) VALUES (1, 'a')"));
            conn.rollback();
            assertThat(conn.scalar(text("SELECT count(*) FROM t"))).asString().isEqualTo("0");
            conn.execute(text("INSERT INTO t (x, y) VALUES (2, 'b')"));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT y FROM t")).scalars(String.class).all()).containsExactly("b");
        }
    }

    @BackendTest
    void closeRollsBackUnfinishedWork(TestDatabase db) {
        Engine engine = db.engine();
        try (Connection conn = engine.connect()) {
            createTable(conn);
            conn.execute(text("INSERT INTO t (x, y) VALUES (1, 'a')"));
        }
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.scalar(text("SELECT count(*) FROM t"))).intValue()).isZero();
        }
    }

    @BackendTest
    void savepointRollbackUndoesOnlyTheNestedPart(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            createTable(conn);
            Transaction outer = conn.begin();
            conn.execute(text("INSERT INTO t (x, y) VALUES (1, 'kept')"));
            Transaction sp = conn.beginNested();
            conn.execute(text("INSERT INTO t (x, y) VALUES (2, 'undone')"));
            sp.rollback();
            assertThat(conn.inNestedTransaction()).isFalse();
            Transaction sp2 = conn.beginNested();
            conn.execute(text("INSERT INTO t (x, y) VALUES (3, 'released')"));
            sp2.commit();
            outer.commit();
            assertThat(conn.execute(text("SELECT y FROM t ORDER BY x")).scalars(String.class).all())
                    .containsExactly("kept", "released");
        }
    }

    @BackendTest
    void engineBeginCommitsOrRollsBack(TestDatabase db) {
        Engine engine = db.engine();
        engine.begin(conn -> conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY, y VARCHAR(20))")));
        engine.begin(conn -> conn.execute(text("INSERT INTO t (x, y) VALUES (1, 'a')")));
        assertThatThrownBy(() -> engine.begin(conn -> {
            conn.execute(text("INSERT INTO t (x, y) VALUES (2, 'b')"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        long count = engine.inTransaction(conn -> ((Number) conn.scalar(text("SELECT count(*) FROM t"))).longValue());
        assertThat(count).isEqualTo(1);
    }

    @BackendTest
    void constraintViolationIsIntegrityErrorWithStatementAndParameters(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            createTable(conn);
            conn.execute(text("INSERT INTO t (x, y) VALUES (:x, :y)"), Map.of("x", 1, "y", "a"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO t (x, y) VALUES (:x, :y)"), Map.of("x", 1, "y", "dup")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("INSERT INTO t (x, y) VALUES (?, ?)")
                    .hasMessageContaining("dup");
        }
    }

    @BackendTest
    void missingTableIsProgrammingError(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM no_such_table")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("no_such_table");
        }
    }

    @BackendTest
    void missingBindValueFailsBeforeReachingTheDatabase(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT :a, :b"), Map.of("a", 1)))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("'b'");
        }
    }
}
