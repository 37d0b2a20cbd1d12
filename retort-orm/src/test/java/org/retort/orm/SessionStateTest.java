package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.retort.engine.Engine;
import org.retort.exc.InvalidRequestException;
import org.retort.exc.NoResultFound;
import org.retort.orm.Model.Membership;
import org.retort.orm.Model.User;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Object states, the identity map, dirty checking and attribute history, on every backend. */
class SessionStateTest {

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        Model.registry().metadata().createAll(engine);
        return engine;
    }

    @BackendTest
    void objectMovesThroughTransientPendingPersistentDeletedDetached(TestDatabase db) {
        Engine engine = setUp(db);
        User u = new User("spongebob", "Spongebob Squarepants");
        try (Session session = Session.of(engine)) {
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.TRANSIENT);
            session.add(u);
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PENDING);
            assertThat(session.newObjects()).containsExactly(u);
            session.flush();
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(u.id).isNotNull();
            assertThat(u.karma).as("Java default applied and written back").isEqualTo(0);
            assertThat(session.inspect(u).identity().values()).containsExactly(u.id);
            session.delete(u);
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.deletedObjects()).containsExactly(u);
            session.flush();
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.DELETED);
            session.commit();
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(session.contains(u)).isFalse();
        }
    }

    @BackendTest
    void closeAndExpungeDetachAndAddReattaches(TestDatabase db) {
        Engine engine = setUp(db);
        User u = new User("sandy", null);
        try (Session session = Session.of(engine)) {
            session.add(u);
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.DETACHED);
            session.add(u);
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.get(User.class, u.id)).isSameAs(u);
            u.fullname = "Sandy Cheeks";
            session.commit();
            session.expunge(u);
            assertThat(session.inspect(u).isDetached()).isTrue();
            User fresh = session.get(User.class, u.id);
            assertThat(fresh).isNotSameAs(u);
            assertThat(fresh.fullname).isEqualTo("Sandy Cheeks");
        }
        User pendingOnly = new User("patrick", null);
        try (Session session = Session.of(engine)) {
            session.add(pendingOnly);
            session.expunge(pendingOnly);
            assertThat(session.inspect(pendingOnly).state()).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
            assertThat(pendingOnly.id).as("never inserted").isNull();
        }
    }

    @BackendTest
    void aDetachedObjectChangedWhileDetachedIsReattachedAndOnlyItsChangesAreWritten(TestDatabase db) {
        Engine engine = setUp(db);
        User u = new User("gary", "Gary the Snail");
        User untouched = new User("plankton", "Sheldon Plankton");
        try (Session session = Session.of(engine)) {
            session.addAll(List.of(u, untouched));
            session.commit();
        }
        u.fullname = "Gary Squarepants"; // changed while detached
        assertThat(Session.of(engine).inspect(u).history("fullname").unchanged())
                .as("a detached object keeps no loaded values: its history shows the current value")
                .containsExactly("Gary Squarepants");
        StatementLog log = StatementLog.on(engine);
        try (Session session = Session.of(engine)) {
            session.addAll(List.of(u, untouched));
            assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.inspect(u).history("fullname").deleted())
                    .as("re-attaching reads the row: the change made while detached is known")
                    .containsExactly("Gary the Snail");
            assertThat(session.dirty()).containsExactly(u);
            log.clear();
            session.commit();
            assertThat(log.starting("UPDATE")).as("only the changed object is written").hasSize(1);
            assertThat(log.starting("UPDATE").get(0)).contains("SET fullname=? WHERE");
        }
        try (Session session = Session.of(engine)) {
            assertThat(session.get(User.class, u.id).fullname).isEqualTo("Gary Squarepants");
            session.delete(session.get(User.class, untouched.id));
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            assertThatThrownBy(() -> session.add(untouched))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("no longer exists").hasMessageContaining("user_account");
            assertThat(session.contains(untouched)).as("nothing attached").isFalse();
        }
    }

    @BackendTest
    void identityMapGivesOneObjectPerRowAndGetHitsItWithoutSql(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session session = Session.of(engine)) {
            session.addAll(List.of(new User("a", null), new User("b", null)));
            session.commit();
        }
        StatementLog log = StatementLog.on(engine);
        try (Session session = Session.of(engine)) {
            User first = session.scalars(Orm.select(User.class).where(Model.User_.name.eq("a"))).one();
            int before = log.count();
            User again = session.get(User.class, first.id);
            assertThat(again).isSameAs(first);
            assertThat(log.count()).as("get() of a loaded identity runs no SQL").isEqualTo(before);
            List<User> all = session.scalars(Orm.select(User.class).orderBy(Model.User_.name)).all();
            assertThat(all.get(0)).isSameAs(first);
            assertThat(session.get(User.class, 9999L)).isNull();
            assertThatThrownBy(() -> session.getOne(User.class, 9999L)).isInstanceOf(NoResultFound.class);
            assertThat(session.get(User.class, first.id.intValue())).as("an Integer key finds the Long identity")
                    .isSameAs(first);
        }
    }

    @BackendTest
    void plainFieldAssignmentIsDirtyAndUpdatesOnlyThatColumn(TestDatabase db) {
        Engine engine = setUp(db);
        Long id;
        try (Session session = Session.of(engine)) {
            User u = new User("squidward", "Squidward Tentacles");
            session.add(u);
            session.commit();
            id = u.id;
        }
        StatementLog log = StatementLog.on(engine);
        try (Session session = Session.of(engine)) {
            User u = session.get(User.class, id);
            assertThat(session.isModified(u)).isFalse();
            u.fullname = "Squidward Q. Tentacles";
            u.scratch = "not mapped";
            assertThat(session.isModified(u)).isTrue();
            assertThat(session.dirty()).containsExactly(u);
            History h = session.inspect(u).history("fullname");
            assertThat(h.added()).containsExactly("Squidward Q. Tentacles");
            assertThat(h.deleted()).containsExactly("Squidward Tentacles");
            assertThat(session.inspect(u).history("name").unchanged()).containsExactly("squidward");
            log.clear();
            session.commit();
            List<String> updates = log.starting("UPDATE");
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0)).startsWith("UPDATE user_account SET fullname=? WHERE");
            log.clear();
            session.flush();
            assertThat(log.count()).as("nothing left to flush").isZero();
        }
        try (Session session = Session.of(engine)) {
            assertThat(session.get(User.class, id).fullname).isEqualTo("Squidward Q. Tentacles");
        }
    }

    @BackendTest
    void compositePrimaryKeysWorkForAddGetUpdateDelete(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session session = Session.of(engine)) {
            session.addAll(List.of(new Membership("chess", 1, "member"), new Membership("chess", 2, "captain"),
                    new Membership("golf", 1, "member")));
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            Membership m = session.get(Membership.class, "chess", 2);
            assertThat(m.role).isEqualTo("captain");
            assertThat(session.get(Membership.class, "chess", 2)).isSameAs(m);
            assertThat(session.get(Membership.class, "golf", 2)).isNull();
            m.role = "coach";
            session.delete(session.get(Membership.class, "golf", 1));
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            assertThat(session.get(Membership.class, "chess", 2).role).isEqualTo("coach");
            assertThat(session.get(Membership.class, "golf", 1)).isNull();
            assertThat(session.scalars(Orm.select(Membership.class)).all()).hasSize(2);
            assertThatThrownBy(() -> session.get(Membership.class, "chess"))
                    .hasMessageContaining("primary key of 2 column(s)");
        }
    }

    @BackendTest(only = "sqlite-file")
    void usingASessionFromASecondThreadWhileAnotherIsInsideFailsFast(TestDatabase db) throws Exception {
        Engine engine = setUp(db);
        Session session = Session.of(engine);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        session.events().onBeforeFlush(s -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        session.add(new User("threaded", null));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread flusher = new Thread(() -> {
            try {
                session.flush();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "flusher");
        flusher.start();
        inside.await();
        assertThatThrownBy(() -> session.add(new User("other", null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("flusher");
        release.countDown();
        flusher.join();
        assertThat(failure.get()).isNull();
        session.commit();
        session.close();
    }
}
