package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retort.exc.ArgumentException;
import org.retort.exc.IntegrityError;
import org.retort.exc.OperationalError;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** engine.transaction(retry, work) retries what is safe to retry, on real conflicts, and nothing else. */
class RetryTest {
    private static final Retry FAST = Retry.defaults().backoff(Duration.ofMillis(5), Duration.ofMillis(50));

    private static void accounts(TestDatabase db) {
        db.engine().begin(conn -> {
            conn.execute(text("CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)"));
            conn.execute(text("INSERT INTO account (id, balance) VALUES (:id, 100)"), List.of(Map.of("id", 1), Map.of("id", 2)));
        });
    }

    private static int balance(Engine engine, int id) {
        try (Connection conn = engine.connect()) {
            return ((Number) conn.execute(text("SELECT balance FROM account WHERE id = :id"), Map.of("id", id)).scalar())
                    .intValue();
        }
    }

    @BackendTest(only = "postgresql")
    void aSerializationFailureIsRetriedAndTheSecondAttemptSeesTheConcurrentWrite(TestDatabase db) {
        accounts(db);
        Engine rr = db.engine(b -> b.isolationLevel(IsolationLevel.REPEATABLE_READ));
        AtomicInteger attempts = new AtomicInteger();
        List<RuntimeException> retried = new CopyOnWriteArrayList<>();
        int seen = rr.transaction(FAST.onRetry((n, failure, wait) -> retried.add(failure)), conn -> {
            int read = ((Number) conn.scalar(text("SELECT balance FROM account WHERE id = 1"))).intValue();
            if (attempts.incrementAndGet() == 1) {
                db.engine().begin(other -> other.execute(text("UPDATE account SET balance = balance + 10 WHERE id = 1")));
            }
            conn.execute(text("UPDATE account SET balance = :b WHERE id = 1"), Map.of("b", read - 1));
            return read;
        });
        assertThat(attempts).hasValue(2);
        assertThat(retried).singleElement().isInstanceOf(OperationalError.class)
                .satisfies(e -> assertThat(((OperationalError) e).sqlState()).isEqualTo("40001"));
        assertThat(seen).isEqualTo(110);
        assertThat(balance(db.engine(), 1)).as("no update lost").isEqualTo(109);
    }

    @BackendTest(only = {"postgresql", "mariadb"})
    void bothSidesOfADeadlockCommitWithRetries(TestDatabase db) throws Exception {
        accounts(db);
        Engine engine = db.engine();
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        AtomicInteger retries = new AtomicInteger();
        Retry retry = FAST.onRetry((n, failure, wait) -> retries.incrementAndGet());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = List.of(
                    pool.submit(() -> transfer(engine, retry, 1, 2, bothLocked)),
                    pool.submit(() -> transfer(engine, retry, 2, 1, bothLocked)));
            for (Future<Integer> f : done) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isBetween(1, 5);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(retries.get()).as("the deadlock victim was retried").isGreaterThanOrEqualTo(1);
        assertThat(balance(engine, 1) + balance(engine, 2)).isEqualTo(200);
        assertThat(balance(engine, 1)).isEqualTo(100);
    }

    private static int transfer(Engine engine, Retry retry, int from, int to, CyclicBarrier bothLocked) {
        AtomicInteger attempts = new AtomicInteger();
        engine.transaction(retry, conn -> {
            conn.execute(text("UPDATE account SET balance = balance - 5 WHERE id = :id"), Map.of("id", from));
            if (attempts.incrementAndGet() == 1) {
                try {
                    bothLocked.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other transaction never took its lock", e);
                }
            }
            conn.execute(text("UPDATE account SET balance = balance + 5 WHERE id = :id"), Map.of("id", to));
            return null;
        });
        return attempts.get();
    }

    @BackendTest(only = {"postgresql", "mariadb"})
    void aConnectionLostBeforeCommitIsRetriedOnAFreshConnectionAndWritesOnce(TestDatabase db) {
        accounts(db);
        Engine engine = db.engine();
        AtomicInteger attempts = new AtomicInteger();
        engine.transaction(FAST, conn -> {
            conn.execute(text("UPDATE account SET balance = balance + 1 WHERE id = 1"));
            if (attempts.incrementAndGet() == 1) {
                Object pid = conn.scalar(text(db.name().equals("postgresql") ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"));
                try (Connection admin = engine.connect()) {
                    admin.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
                    admin.execute(text(db.name().equals("postgresql") ? "SELECT pg_terminate_backend(" + pid + ")"
                            : "KILL " + pid)).close();
                }
            }
            conn.execute(text("UPDATE account SET balance = balance + 1 WHERE id = 2"));
            return null;
        });
        assertThat(attempts).hasValue(2);
        assertThat(balance(engine, 1)).as("first attempt rolled back by the server, second applied once").isEqualTo(101);
        assertThat(balance(engine, 2)).isEqualTo(101);
    }

    @BackendTest
    void anIntegrityErrorIsNotRetried(TestDatabase db) {
        accounts(db);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.engine().transaction(FAST, conn -> {
            attempts.incrementAndGet();
            return conn.execute(text("INSERT INTO account (id, balance) VALUES (1, 0)"));
        })).isInstanceOf(IntegrityError.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aCommitWithUnknownOutcomeIsNeverRetriedAndAttemptsAreBounded() {
        OperationalError unknown = new OperationalError("COMMIT", null, new SQLException("lost", "08007"), true);
        OperationalError lostBefore = new OperationalError("UPDATE", null, new SQLException("lost", "08006"), true);
        OperationalError serialization = new OperationalError("UPDATE", null, new SQLException("conflict", "40001"), false);
        assertThat(Retry.isRetryable(unknown)).isFalse();
        assertThat(Retry.isRetryable(lostBefore)).isTrue();
        assertThat(Retry.isRetryable(new RuntimeException("wrapped by the ORM", serialization))).isTrue();
        assertThat(Retry.isRetryable(new IllegalStateException("not a database error"))).isFalse();

        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> FAST.maxAttempts(3).run(() -> {
            attempts.incrementAndGet();
            throw new OperationalError("UPDATE", null, new SQLException("conflict " + attempts.get(), "40001"), false);
        })).hasMessageContaining("conflict 3").satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(attempts).hasValue(3);
        assertThatThrownBy(() -> Retry.defaults().maxAttempts(0)).isInstanceOf(ArgumentException.class);
    }
}
