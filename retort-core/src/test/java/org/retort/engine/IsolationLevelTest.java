package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import org.retort.exc.ArgumentException;
import org.retort.exc.InvalidRequestException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

class IsolationLevelTest {

    @BackendTest
    void autocommitCommitsEachStatementForOtherConnectionsToSee(TestDatabase db) {
        Engine engine = db.engine();
        engine.begin(conn -> conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)")));
        Engine auto = engine.executionOptions(ExecutionOptions.defaults().isolationLevel(IsolationLevel.AUTOCOMMIT));
        assertThat(auto.pool()).isSameAs(engine.pool());
        try (Connection writer = auto.connect()) {
            assertThat(writer.getIsolationLevel()).isEqualTo(IsolationLevel.AUTOCOMMIT);
            writer.execute(text("INSERT INTO t (x) VALUES (1)"));
            assertThat(writer.inTransaction()).isFalse();
            try (Connection reader = engine.connect()) {
                assertThat(((Number) reader.scalar(text("SELECT count(*) FROM t"))).intValue()).isEqualTo(1);
            }
            writer.rollback();
        }
        try (Connection reader = engine.connect()) {
            assertThat(((Number) reader.scalar(text("SELECT count(*) FROM t"))).intValue()).isEqualTo(1);
        }
    }

    @BackendTest
    void everySupportedLevelRoundTripsThroughTheDatabase(TestDatabase db) {
        Engine engine = db.engine();
        IsolationLevel before;
        try (Connection conn = engine.connect()) {
            before = conn.getIsolationLevel();
            for (IsolationLevel level : engine.dialect().supportedIsolationLevels()) {
                conn.setIsolationLevel(level);
                assertThat(conn.getIsolationLevel()).as(level.name()).isEqualTo(level);
                conn.execute(text("SELECT 1")).close();
                conn.commit();
            }
            conn.setIsolationLevel(IsolationLevel.SERIALIZABLE);
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.getIsolationLevel()).as("reset on return").isEqualTo(before);
        }
    }

    @BackendTest(exclude = {"sqlite-file", "sqlite-memory"})
    void readCommittedAndSerializableAreReportedByTheServer(TestDatabase db) {
        Engine serializable = db.engine(b -> b.isolationLevel(IsolationLevel.SERIALIZABLE));
        try (Connection conn = serializable.connect()) {
            assertThat(conn.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
            conn.executionOptions(ExecutionOptions.defaults().isolationLevel(IsolationLevel.READ_COMMITTED));
            assertThat(conn.getIsolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
            assertThat(conn.getExecutionOptions().isolationLevel()).contains(IsolationLevel.READ_COMMITTED);
        }
    }

    @BackendTest(only = "sqlite-memory")
    void sqliteRejectsLevelsItDoesNotHave(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            assertThat(conn.getIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
            assertThatThrownBy(() -> conn.setIsolationLevel(IsolationLevel.READ_COMMITTED))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("READ_COMMITTED is not supported by sqlite")
                    .hasMessageContaining("SERIALIZABLE");
        }
    }

    @BackendTest(only = "h2")
    void levelCannotChangeInsideATransaction(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("SELECT 1")).close();
            assertThatThrownBy(() -> conn.setIsolationLevel(IsolationLevel.SERIALIZABLE))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("commit() or rollback() first");
        }
    }
}
