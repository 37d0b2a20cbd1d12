package org.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.spring.RetortTransactionManager;
import org.retort.spring.TransactionalSession;
import org.retort.spring.boot.SpringIntegrationTest.App;
import org.retort.spring.boot.app.Note;
import org.retort.spring.boot.app.NoteApp;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RetortTransactionManager} in a real Spring Boot application ({@link NoteApp} with
 * {@code retort.transaction-manager=retort}) on each server backend and on file SQLite: Retort begins, commits and
 * rolls back, while Core connections and ORM sessions inside the transaction join it.
 */
class RetortTransactionManagerTest {
    private static final String RETORT = "retort.transaction-manager=retort";

    private static App start(TestDatabase db) {
        return App.start(db, true, RETORT);
    }

    @BackendTest(only = "h2")
    void thePropertyMakesRetortOwnTheTransactionsAndTheDefaultStaysBoots(TestDatabase db) {
        try (App app = start(db)) {
            assertThat(app.bean(PlatformTransactionManager.class)).isInstanceOf(RetortTransactionManager.class);
            assertThat(app.context.getBean("transactionManager")).isInstanceOf(RetortTransactionManager.class);
        }
        try (App app = App.start(db)) {
            assertThat(app.bean(PlatformTransactionManager.class)).isNotInstanceOf(RetortTransactionManager.class);
        }
    }

    @Test
    void anEngineWithARetortPoolIsRefused() {
        Engine own = Engine.builder("sqlite://").build();
        try {
            assertThatThrownBy(() -> new RetortTransactionManager(own)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SpringDataSourcePool");
        } finally {
            own.dispose();
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void transactionalRollbackUndoesCoreAndOrmWritesAndReturningCommitsThem(TestDatabase db) {
        try (App app = start(db)) {
            NoteApp.Outer outer = app.bean(NoteApp.Outer.class);
            assertThatThrownBy(outer::writeThenFail).isInstanceOf(IllegalStateException.class);
            assertThat(app.bodies()).isEmpty();
            assertThat(List.copyOf(app.echo)).contains("BEGIN (joined Spring-managed transaction)", "ROLLBACK")
                    .doesNotContain("COMMIT");

            app.echo.clear();
            outer.writeAndReturn();
            assertThat(app.bodies()).containsExactly("1:core", "2:orm");
            // Retort's own connection began and committed; the Core and ORM connections joined it
            assertThat(List.copyOf(app.echo)).contains("BEGIN (implicit)", "BEGIN (joined Spring-managed transaction)",
                    "COMMIT (left to the Spring-managed transaction)", "COMMIT");
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void requiresNewCommitsIndependentlyOfTheOuterTransaction(TestDatabase db) {
        try (App app = start(db)) {
            assertThatThrownBy(app.bean(NoteApp.Outer.class)::independentInnerThenFail)
                    .isInstanceOf(IllegalStateException.class).hasMessage("outer fails");
            assertThat(app.bodies()).containsExactly("10:inner");
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void nestedRollsBackToItsRetortSavepointOnly(TestDatabase db) {
        try (App app = start(db)) {
            app.bean(NoteApp.Outer.class).nestedFailureCaught();
            assertThat(List.copyOf(app.echo)).contains("SAVEPOINT sa_savepoint_1",
                    "ROLLBACK TO SAVEPOINT sa_savepoint_1", "COMMIT");
            assertThat(app.bodies()).containsExactly("20:outer");
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void aRetortRollbackInsideMarksTheTransactionRollbackOnly(TestDatabase db) {
        try (App app = start(db)) {
            assertThatThrownBy(app.bean(NoteApp.Outer.class)::retortRollback)
                    .isInstanceOf(UnexpectedRollbackException.class);
            assertThat(app.bodies()).isEmpty();
        }
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"})
    void transactionTemplateCommitFlushesTheSessionAndRollbackOnlyUndoesIt(TestDatabase db) {
        try (App app = start(db)) {
            TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
            TransactionalSession sessions = app.bean(TransactionalSession.class);
            tx.executeWithoutResult(status -> {
                sessions.get().add(new Note(40, "template"));
                status.setRollbackOnly();
            });
            assertThat(app.bodies()).isEmpty();

            tx.executeWithoutResult(status -> {
                sessions.get().add(new Note(41, "pending until commit"));
                assertThat(sessions.get().newObjects()).hasSize(1); // not flushed yet
            });
            assertThat(app.bodies()).containsExactly("41:pending until commit");

            Engine engine = app.bean(Engine.class);
            tx.executeWithoutResult(status -> {
                try (Connection conn = engine.connect()) {
                    conn.execute(Sql.text("INSERT INTO spring_note (id, body) VALUES (:id, :body)"),
                            Map.of("id", 42, "body", "core"));
                }
                assertThat(sessions.get().get(Note.class, 42L).body).isEqualTo("core"); // same transaction
            });
            assertThat(app.bodies()).containsExactly("41:pending until commit", "42:core");
        }
    }

    @BackendTest(only = {"h2", "postgresql", "mariadb"})
    void isolationLevelAndReadOnlyReachTheConnection(TestDatabase db) {
        try (App app = start(db)) {
            TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
            tx.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
            tx.setReadOnly(true);
            Engine engine = app.bean(Engine.class);
            tx.executeWithoutResult(status -> {
                try (Connection conn = engine.connect()) {
                    assertThat(conn.jdbcConnection().getTransactionIsolation())
                            .isEqualTo(java.sql.Connection.TRANSACTION_SERIALIZABLE);
                    assertThat(conn.jdbcConnection().isReadOnly()).isTrue();
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            });
            try (Connection conn = engine.connect()) {
                assertThat(conn.jdbcConnection().isReadOnly()).isFalse();
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
    }
}
