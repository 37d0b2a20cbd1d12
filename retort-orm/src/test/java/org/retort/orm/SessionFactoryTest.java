package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.retort.engine.Engine;
import org.retort.exc.InvalidRequestException;
import org.retort.orm.Model.User;
import org.retort.orm.Model.User_;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** SessionFactory settings (autoflush, autobegin) and populateExisting, on every backend. */
class SessionFactoryTest {

    @BackendTest
    void autoflushOffLeavesPendingObjectsOutOfQueries(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        SessionFactory factory = SessionFactory.builder(engine).autoflush(false).build();
        try (Session session = factory.open()) {
            session.add(new User("pending", null));
            assertThat(session.scalars(Orm.select(User.class)).all()).isEmpty();
            session.flush();
            assertThat(session.scalars(Orm.select(User.class)).all()).hasSize(1);
            session.commit();
        }
    }

    @BackendTest
    void autobeginOffRequiresAnExplicitBegin(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        SessionFactory factory = SessionFactory.builder(engine).autobegin(false).build();
        try (Session session = factory.open()) {
            assertThatThrownBy(() -> session.scalars(Orm.select(User.class)).all())
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("begin()");
            SessionTransaction root = session.begin();
            assertThat(root.isNested()).isFalse();
            assertThat(session.inTransaction()).isTrue();
            assertThatThrownBy(session::begin).hasMessageContaining("already begun");
            session.add(new User("explicit", null));
            root.commit();
            assertThat(session.inTransaction()).isFalse();
        }
        try (Session other = SessionFactory.builder(engine).registry(Registry.of()).build().open()) {
            assertThatThrownBy(() -> other.add(new User("x", null))).hasMessageContaining("not mapped by this registry");
        }
    }

    @BackendTest
    void populateExistingOverwritesUnflushedChanges(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        SessionFactory factory = SessionFactory.builder(engine).autoflush(false).build();
        try (Session session = factory.open()) {
            User u = new User("mrs puff", "Mrs. Puff");
            session.add(u);
            session.commit();
            u.fullname = "unflushed";
            session.scalars(Orm.select(User.class)).all();
            assertThat(u.fullname).as("expired, but a changed field keeps its new value").isEqualTo("unflushed");
            session.scalars(Orm.select(User.class).where(User_.id.eq(u.id)).populateExisting()).one();
            assertThat(u.fullname).isEqualTo("Mrs. Puff");
            assertThat(session.isModified(u)).isFalse();
        }
    }

    @BackendTest
    void expireAndExpireAllReloadOnTheNextQueryWhileRefreshReloadsNow(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        SessionFactory factory = SessionFactory.builder(engine).expireOnCommit(false).build();
        try (Session session = factory.open()) {
            User a = new User("a", "A");
            User b = new User("b", "B");
            session.addAll(java.util.List.of(a, b));
            session.commit();
            session.execute(org.retort.sql.Sql.update(Registry.published(User.class).table()).set("fullname", "changed"));
            session.scalars(Orm.select(User.class)).all();
            assertThat(a.fullname).as("not expired: the identity map keeps the loaded values").isEqualTo("A");
            session.expire(a);
            assertThat(session.inspect(a).isExpired()).isTrue();
            session.scalars(Orm.select(User.class)).all();
            assertThat(a.fullname).isEqualTo("changed");
            assertThat(b.fullname).isEqualTo("B");
            session.expireAll();
            session.scalars(Orm.select(User.class)).all();
            assertThat(b.fullname).isEqualTo("changed");
            b.fullname = "local";
            session.refresh(b);
            assertThat(b.fullname).as("refresh discards the unflushed change").isEqualTo("changed");
            assertThatThrownBy(() -> session.expire(new User("t", null))).hasMessageContaining("not persistent");
        }
    }
}
