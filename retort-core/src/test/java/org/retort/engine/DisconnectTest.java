package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.event.ErrorContext;
import org.retort.exc.DBAPIException;
import org.retort.exc.OperationalError;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** A connection killed by the server: detected, invalidated, replaced. */
class DisconnectTest {

    private static Object serverId(Connection conn, TestDatabase db) {
        return conn.scalar(text(db.name().equals("postgresql") ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"));
    }

    private static void kill(Engine engine, TestDatabase db, Object id) {
        try (Connection admin = engine.connect()) {
            admin.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
            if (db.name().equals("postgresql")) {
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), Map.of("pid", id)).close();
            } else {
                admin.execute(text("KILL " + ((Number) id).longValue())).close();
            }
        }
    }

    @BackendTest(only = {"postgresql", "mariadb"})
    void connectionLostMidTransactionIsInvalidatedAndTheNextConnectWorks(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        List<ErrorContext> errors = new ArrayList<>();
        List<Throwable> invalidated = new ArrayList<>();
        engine.events().onHandleError(ctx -> {
            errors.add(ctx);
            return null;
        });
        engine.events().pool().onInvalidate((raw, cause) -> invalidated.add(cause));
        try (Connection victim = engine.connect()) {
            victim.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
            victim.commit();
            victim.execute(text("INSERT INTO t (x) VALUES (1)"));
            Object id = serverId(victim, db);
            kill(engine, db, id);
            Thread.sleep(200);
            Throwable e = catchThrowable(() -> victim.execute(text("INSERT INTO t (x) VALUES (2)")));
            assertThat(e).isInstanceOf(OperationalError.class);
            assertThat(((DBAPIException) e).connectionInvalidated()).isTrue();
            assertThat(victim.isInvalidated()).isTrue();
            assertThat(victim.inTransaction()).isFalse();
            victim.rollback(); // allowed, does nothing
        }
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).isDisconnect()).isTrue();
        assertThat(invalidated).hasSize(1);
        try (Connection fresh = engine.connect()) {
            assertThat(((Number) fresh.scalar(text("SELECT count(*) FROM t"))).intValue()).isZero();
        }
    }

    @BackendTest(only = {"postgresql", "mariadb"})
    void aCommitOnALostConnectionIsAnOperationalDisconnectWhoseOutcomeIsUnknown(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        try (Connection setup = engine.connect()) {
            setup.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
            setup.commit();
        }
        try (Connection victim = engine.connect()) {
            victim.execute(text("INSERT INTO t (x) VALUES (1)"));
            kill(engine, db, serverId(victim, db));
            Thread.sleep(200);
            Throwable e = catchThrowable(victim::commit);
            assertThat(e).isInstanceOf(OperationalError.class)
                    .hasMessageContaining("whether the transaction was committed is unknown")
                    .hasMessageContaining("[SQL: COMMIT]");
            DBAPIException d = (DBAPIException) e;
            assertThat(d.connectionInvalidated()).isTrue();
            assertThat(d.commitOutcomeUnknown()).isTrue();
            assertThat(d.sqlState()).isEqualTo("08007");
            assertThat(d.sqlException().getCause()).as("the driver's own error is kept")
                    .isInstanceOf(java.sql.SQLException.class);
            assertThat(victim.isInvalidated()).isTrue();
            assertThat(victim.inTransaction()).isFalse();
        }
        try (Connection fresh = engine.connect()) {
            assertThat(((Number) fresh.scalar(text("SELECT count(*) FROM t"))).intValue()).isZero();
        }
    }

    @BackendTest
    void aCommitThatFailsOnALiveConnectionIsNotCalledUnknown(TestDatabase db) {
        db.require(db.name().equals("postgresql"), "deferred constraints checked at COMMIT are PostgreSQL's here");
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("CREATE TABLE p (id INTEGER PRIMARY KEY)"));
            conn.execute(text("CREATE TABLE c (p_id INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)"));
            conn.commit();
            conn.execute(text("INSERT INTO c (p_id) VALUES (7)"));
            Throwable e = catchThrowable(conn::commit);
            assertThat(e).isInstanceOf(org.retort.exc.IntegrityError.class);
            assertThat(((DBAPIException) e).commitOutcomeUnknown()).isFalse();
            assertThat(((DBAPIException) e).connectionInvalidated()).isFalse();
            assertThat(conn.isInvalidated()).isFalse();
            assertThat(((Number) conn.scalar(text("SELECT count(*) FROM c"))).intValue()).isZero();
        }
    }

    @BackendTest(only = {"postgresql", "mariadb"})
    void prePingReplacesAConnectionKilledWhileIdle(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolPrePing(true).poolSize(2).maxOverflow(0));
        Object id;
        try (Connection conn = engine.connect()) {
            id = serverId(conn, db);
        }
        try (Connection holder = engine.connect(); Connection killer = engine.connect()) {
            // holder is the idle pooled connection; kill it through the other one
            assertThat(serverId(holder, db)).isEqualTo(id);
            killer.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
            killer.execute(text(db.name().equals("postgresql") ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id))
                    .close();
        }
        try (Connection conn = engine.connect()) {
            Object now = serverId(conn, db);
            assertThat(now).isNotEqualTo(id);
        }
    }

    @BackendTest(only = {"postgresql", "mariadb"})
    void aDisconnectMarksThePoolsOtherConnectionsForReplacement(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolSize(2).maxOverflow(0));
        Object first;
        Object second;
        try (Connection a = engine.connect(); Connection b = engine.connect()) {
            first = serverId(a, db);
            second = serverId(b, db);
        }
        Engine admin = db.engine(b -> b.poolClass(org.retort.dialect.PoolKind.NULL));
        kill(admin, db, first);
        kill(admin, db, second);
        List<Object> seen = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Connection conn = engine.connect()) {
                seen.add(serverId(conn, db));
            } catch (OperationalError e) {
                assertThat(e.connectionInvalidated()).isTrue();
                seen.add("failed");
            }
        }
        // at most the first checkout meets a dead connection; the second never gets the other dead one
        assertThat(seen.get(1)).isNotEqualTo("failed").isNotIn(first, second);
    }
}
