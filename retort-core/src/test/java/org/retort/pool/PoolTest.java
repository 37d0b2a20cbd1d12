package org.retort.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retort.dialect.PoolKind;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.PoolTimeoutException;
import org.retort.exc.ProgrammingError;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

class PoolTest {

    private static java.sql.Connection physical(Connection conn) throws SQLException {
        return conn.jdbcConnection().unwrap(java.sql.Connection.class);
    }

    @BackendTest
    void checkoutTimesOutNamingSizeAndOverflow(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolClass(PoolKind.QUEUE).poolSize(1).maxOverflow(0)
                .poolTimeout(Duration.ofMillis(300)));
        try (Connection held = engine.connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(engine::connect)
                    .isInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("size 1 overflow 0")
                    .hasMessageContaining("timeout 0.30");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(held.execute(text("SELECT 1")).scalar()).isNotNull();
        }
        try (Connection again = engine.connect()) {
            assertThat(again.execute(text("SELECT 1")).scalar()).isNotNull();
        }
    }

    @BackendTest(exclude = "sqlite-memory")
    void statusCountsCheckoutsAndDisposeClosesConnections(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolSize(2).maxOverflow(1));
        assertThat(engine.pool()).isInstanceOf(QueuePool.class);
        assertThat(engine.pool().status()).contains("size 2 overflow 1").contains("0 open");
        try (Connection a = engine.connect(); Connection b = engine.connect()) {
            assertThat(engine.pool().status()).contains("2 open").contains("2 checked out");
            assertThat(((AbstractPool) engine.pool()).checkedOut()).isEqualTo(2);
        }
        assertThat(engine.pool().status()).contains("0 checked out").contains("2 idle");
        engine.dispose();
        assertThat(engine.pool().status()).contains("0 open");
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT 1")).scalar()).isNotNull();
            engine.dispose(); // a checked-out connection keeps working, and closes when checked in
            assertThat(c.execute(text("SELECT 2")).scalar()).isNotNull();
            try (Connection d = engine.connect()) {
                assertThat(d.execute(text("SELECT 3")).scalar()).isNotNull();
            }
        }
        assertThat(engine.pool().status()).contains("1 open").contains("0 checked out");
    }

    @BackendTest
    void poolEventsFireForConnectCheckoutCheckinAndInvalidate(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolClass(PoolKind.QUEUE));
        List<String> seen = new ArrayList<>();
        engine.events().pool().onConnect(c -> seen.add("connect"));
        engine.events().pool().onCheckout(c -> seen.add("checkout"));
        engine.events().pool().onCheckin(c -> seen.add("checkin"));
        engine.events().pool().onInvalidate((c, cause) -> seen.add("invalidate"));
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1")).close();
        }
        try (Connection conn = engine.connect()) {
            conn.invalidate();
            assertThat(conn.isInvalidated()).isTrue();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 1")).scalar()).isNotNull();
        }
        assertThat(seen).containsExactly("connect", "checkout", "checkin", "checkout", "invalidate",
                "connect", "checkout", "checkin");
    }

    @BackendTest(exclude = "sqlite-memory")
    void prePingReplacesAConnectionThatDiedWhileIdle(TestDatabase db) throws SQLException {
        Engine engine = db.engine(b -> b.poolPrePing(true).poolSize(1).maxOverflow(0));
        List<Throwable> causes = new ArrayList<>();
        engine.events().pool().onInvalidate((c, cause) -> causes.add(cause));
        java.sql.Connection first;
        try (Connection conn = engine.connect()) {
            first = physical(conn);
            first.close(); // dies behind the pool's back
        }
        try (Connection conn = engine.connect()) {
            assertThat(physical(conn)).isNotSameAs(first);
            assertThat(conn.execute(text("SELECT 1")).scalar()).isNotNull();
        }
        // pgJDBC reports the closed connection as it goes back to HikariCP, which then drops it itself
        assertThat(causes).hasSize(db.name().equals("postgresql") ? 0 : 1)
                .allSatisfy(cause -> assertThat(cause).hasMessageContaining("pre-ping"));
    }

    @BackendTest(only = {"h2", "sqlite-file"})
    void recycleReplacesConnectionsOlderThanTheLimit(TestDatabase db) throws Exception {
        Engine engine = db.engine(b -> b.poolRecycle(Duration.ofMillis(200)).poolSize(1).maxOverflow(0));
        java.sql.Connection first;
        try (Connection conn = engine.connect()) {
            first = physical(conn);
        }
        try (Connection conn = engine.connect()) {
            assertThat(physical(conn)).isSameAs(first);
        }
        Thread.sleep(300);
        try (Connection conn = engine.connect()) {
            assertThat(physical(conn)).isNotSameAs(first);
        }
    }

    @BackendTest
    void resetOnReturnRollsBackByDefaultAndCanCommit(TestDatabase db) {
        Engine engine = db.engine();
        engine.begin(conn -> conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)")));
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO t (x) VALUES (1)"));
        }
        Engine committing = db.engine(b -> b.poolResetOnReturn(ResetOnReturn.COMMIT));
        if (db.name().equals("sqlite-memory")) {
            return; // each engine has its own in-memory database
        }
        try (Connection conn = committing.connect()) {
            conn.execute(text("INSERT INTO t (x) VALUES (2)"));
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT x FROM t")).scalars(Integer.class).all()).containsExactly(2);
        }
    }

    @BackendTest(only = "sqlite-memory")
    void resetOnReturnCommitOnInMemorySqlite(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolResetOnReturn(ResetOnReturn.COMMIT));
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
            conn.execute(text("INSERT INTO t (x) VALUES (1)"));
        }
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.scalar(text("SELECT count(*) FROM t"))).intValue()).isEqualTo(1);
        }
    }

    @Test
    void singletonThreadPoolSharesOneDatabasePerThread() throws Exception {
        try (Engine engine = Engine.create("sqlite://")) {
            assertThat(engine.pool()).isInstanceOf(SingletonThreadPool.class);
            try (Connection a = engine.connect(); Connection b = engine.connect()) {
                a.execute(text("CREATE TABLE shared (x INTEGER)"));
                a.execute(text("INSERT INTO shared VALUES (7)"));
                a.commit();
                assertThat(b.scalar(text("SELECT x FROM shared"))).isEqualTo(7);
            }
            Throwable other = CompletableFuture.supplyAsync(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(text("SELECT x FROM shared"));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }).get();
            assertThat(other).isInstanceOf(ProgrammingError.class).hasMessageContaining("shared");
            assertThat(engine.pool().status()).contains("2 thread connection(s)");
        }
    }

    @Test
    void staticPoolSharesOneConnectionAcrossThreads() throws Exception {
        try (Engine engine = Engine.builder("sqlite://").poolClass(PoolKind.STATIC).build()) {
            assertThat(engine.pool()).isInstanceOf(StaticPool.class);
            try (Connection a = engine.connect()) {
                a.execute(text("CREATE TABLE shared (x INTEGER)"));
                a.execute(text("INSERT INTO shared VALUES (7)"));
                a.commit();
            }
            Object fromOtherThread = CompletableFuture.supplyAsync(() -> {
                try (Connection c = engine.connect()) {
                    return c.scalar(text("SELECT x FROM shared"));
                }
            }).get();
            assertThat(fromOtherThread).isEqualTo(7);
            assertThat(engine.pool().status()).contains("1 connection");
        }
    }

    @BackendTest(exclude = "sqlite-memory")
    void nullPoolOpensAndClosesAConnectionPerCheckout(TestDatabase db) throws SQLException {
        Engine engine = db.engine(b -> b.poolClass(PoolKind.NULL));
        assertThat(engine.pool()).isInstanceOf(NullPool.class);
        AtomicInteger connects = new AtomicInteger();
        engine.events().pool().onConnect(c -> connects.incrementAndGet());
        java.sql.Connection first;
        try (Connection conn = engine.connect()) {
            first = conn.jdbcConnection();
            assertThat(engine.pool().status()).contains("1 checked out");
        }
        assertThat(first.isClosed()).isTrue();
        try (Connection conn = engine.connect()) {
            assertThat(conn.jdbcConnection()).isNotSameAs(first);
        }
        assertThat(connects).hasValue(2);
        assertThat(engine.pool().status()).contains("0 checked out");
    }

    @Test
    void poolClassIsSelectableAndDefaultsFollowTheDatabase() {
        assertThat(Engine.builder("sqlite://").poolClass(PoolKind.NULL).build().pool()).isInstanceOf(NullPool.class);
        assertThat(Engine.builder("sqlite://").poolClass(PoolKind.QUEUE).build().pool()).isInstanceOf(QueuePool.class);
        assertThat(Engine.create("sqlite:///:memory:").pool()).isInstanceOf(SingletonThreadPool.class);
        assertThat(Engine.create("sqlite:///app-never-opened.db").pool()).isInstanceOf(QueuePool.class);
        assertThat(Engine.create("h2:mem:never").pool()).isInstanceOf(QueuePool.class);
    }

    @BackendTest(only = "h2")
    void poolSizeZeroMeansNoLimit(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolSize(0).poolTimeout(Duration.ofMillis(300)));
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 25; i++) {
                open.add(engine.connect());
            }
            assertThat(engine.pool().status()).contains("25 checked out");
        } finally {
            open.forEach(Connection::close);
        }
    }

    @BackendTest(only = "h2")
    void creatorOpensTheConnectionsOfAQueuePool(TestDatabase db) {
        AtomicInteger opened = new AtomicInteger();
        String jdbcUrl = db.dialect().jdbcUrl(db.url());
        java.util.Properties props = db.dialect().connectProperties(db.url());
        Engine engine = db.engine(b -> b.creator(() -> {
            opened.incrementAndGet();
            return java.sql.DriverManager.getConnection(jdbcUrl, props);
        }));
        assertThat(engine.pool()).isInstanceOf(QueuePool.class);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 1")).scalar()).isNotNull();
        }
        assertThat(opened).hasValue(1);
    }

    @BackendTest(only = "sqlite-file")
    void aConnectionThatCannotTakeItsSettingsIsNotLeaked(TestDatabase db) {
        Engine engine = db.engine(b -> b.isolationLevel(org.retort.engine.IsolationLevel.READ_COMMITTED));
        assertThatThrownBy(engine::connect).isInstanceOf(org.retort.exc.ArgumentException.class)
                .hasMessageContaining("not supported by sqlite");
        assertThat(((AbstractPool) engine.pool()).checkedOut()).isZero();
        assertThat(engine.pool().status()).contains("0 checked out");
    }
}
