package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.orm.Orm.aliased;
import static org.retort.orm.Orm.delete;
import static org.retort.orm.Orm.select;
import static org.retort.orm.Orm.update;

import java.util.List;
import java.util.Map;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.orm.Model.Address;
import org.retort.orm.Model.Address_;
import org.retort.orm.Model.User;
import org.retort.orm.Model.User_;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** ORM-enabled SELECT, UPDATE and DELETE, on every backend. */
class OrmQueryTest {

    private static Engine seeded(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        try (Session session = Session.of(engine)) {
            User sandy = new User("sandy", "Sandy Cheeks");
            User patrick = new User("patrick", "Patrick Star");
            User squidward = new User("squidward", null);
            session.addAll(List.of(sandy, patrick, squidward));
            session.flush();
            session.addAll(List.of(new Address("sandy@sqlalchemy.org", sandy.id),
                    new Address("sandy@squirrelpower.org", sandy.id), new Address("patrick@aol.com", patrick.id)));
            session.commit();
        }
        return engine;
    }

    /** A result shape for {@code into}. */
    record UserName(Long id, String name) {
    }

    @BackendTest
    void selectsEntitiesColumnsAndMixesThroughTheIdentityMap(TestDatabase db) {
        Engine engine = seeded(db);
        try (Session session = Session.of(engine)) {
            List<User> users = session.scalars(select(User.class).where(User_.name.in(List.of("sandy", "patrick")))
                    .orderBy(User_.name)).all();
            assertThat(users).extracting(u -> u.name).containsExactly("patrick", "sandy");
            List<OrmRow> rows = session.execute(select(User.class, Address_.emailAddress).join(Address.class)
                    .orderBy(Address_.emailAddress)).all();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).get(0)).isSameAs(users.get(0));
            assertThat(rows.get(0).get(1, String.class)).isEqualTo("patrick@aol.com");
            assertThat(rows.get(1).get(0)).isSameAs(users.get(1)).isSameAs(rows.get(2).get(0));
            List<User> distinct = session.scalars(select(User.class).join(Address.class)).unique().all();
            assertThat(distinct).hasSize(2);
            List<OrmRow> pairs = session.execute(select(User.class, Address.class)
                    .join(Address.class, Address_.userId.eq(User_.id)).where(User_.name.eq("sandy"))).all();
            assertThat(pairs).hasSize(2);
            assertThat(pairs.get(0).get(1, Address.class).userId).isEqualTo(users.get(1).id);
            assertThat(session.scalar(select(User_.fullname).where(User_.name.eq("patrick")))).isEqualTo("Patrick Star");
            List<UserName> names = session.execute(select(User_.id, User_.name).orderBy(User_.id)).into(UserName.class);
            assertThat(names).extracting(UserName::name).containsExactly("sandy", "patrick", "squidward");
            List<UserName> fromEntities = session.execute(select(User.class).orderBy(User_.id)).into(UserName.class);
            assertThat(fromEntities.get(0)).isEqualTo(new UserName(users.get(1).id, "sandy"));
        }
    }

    @BackendTest
    void aliasedEntityJoinsATableToItself(TestDatabase db) {
        Engine engine = seeded(db);
        try (Session session = Session.of(engine)) {
            Aliased<User> other = aliased(User.class, "other");
            List<OrmRow> rows = session.execute(select(User.class, other)
                    .join(other, other.get(User_.id).gt(User_.id)).where(User_.name.eq("sandy"))
                    .orderBy(other.get(User_.id))).all();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get(0, User.class).name).isEqualTo("sandy");
            assertThat(rows.get(0).get(1, User.class).name).isEqualTo("patrick");
            assertThat(rows.get(1).get(1, User.class).name).isEqualTo("squidward");
            User patrick = session.scalars(select(User.class).where(User_.name.eq("patrick"))).one();
            assertThat(rows.get(0).get(1)).isSameAs(patrick);
        }
    }

    @BackendTest
    void outerJoinGivesNullForAMissingEntity(TestDatabase db) {
        Engine engine = seeded(db);
        try (Session session = Session.of(engine)) {
            List<OrmRow> rows = session.execute(select(User.class, Address.class).outerjoin(Address.class)
                    .where(User_.name.eq("squidward"))).all();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(1)).isNull();
        }
    }

    @BackendTest
    void autoflushMakesPendingObjectsVisibleToQueries(TestDatabase db) {
        Engine engine = seeded(db);
        try (Session session = Session.of(engine)) {
            User gary = new User("gary", null);
            session.add(gary);
            assertThat(session.scalars(select(User.class).where(User_.name.eq("gary"))).one()).isSameAs(gary);
            session.noAutoflush(() -> {
                User larry = new User("larry", null);
                session.add(larry);
                assertThat(session.scalars(select(User.class).where(User_.name.eq("larry"))).all()).isEmpty();
            });
            session.rollback();
        }
    }

    @BackendTest
    void ormUpdateSynchronizesSessionObjectsByEvaluateAndFetch(TestDatabase db) {
        Engine engine = seeded(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = Session.of(engine)) {
            List<User> users = session.scalars(select(User.class).orderBy(User_.id)).all();
            User sandy = users.get(0);
            User patrick = users.get(1);
            log.clear();
            long n = session.execute(update(User.class).where(User_.name.eq("sandy"))
                    .values(Map.of("fullname", "Sandy C."))).rowcount();
            assertThat(n).isEqualTo(1);
            assertThat(sandy.fullname).isEqualTo("Sandy C.");
            assertThat(session.isModified(sandy)).isFalse();
            assertThat(log.starting("SELECT")).as("evaluated in Java").isEmpty();

            session.execute(update(User.class).where(User_.fullname.like("Patrick%"))
                    .values(Map.of(User_.karma, 7)).synchronizeSession(SynchronizeSession.FETCH));
            assertThat(patrick.karma).isEqualTo(7);

            session.execute(update(User.class).where(User_.name.eq("squidward"))
                    .values(Map.of("fullname", "Squidward")).synchronizeSession(SynchronizeSession.FALSE));
            assertThat(users.get(2).fullname).as("not synchronized").isNull();

            assertThatThrownBy(() -> session.execute(update(User.class).where(User_.fullname.like("S%"))
                    .values(Map.of("karma", 1)).synchronizeSession(SynchronizeSession.EVALUATE)))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("FETCH");
            session.rollback();
            assertThat(sandy.fullname).as("rollback restores the synchronized value").isEqualTo("Sandy Cheeks");
        }
    }

    @BackendTest
    void ormBulkUpdateByPrimaryKeyAndDeleteWithWhere(TestDatabase db) {
        Engine engine = seeded(db);
        try (Session session = Session.of(engine)) {
            List<User> users = session.scalars(select(User.class).orderBy(User_.id)).all();
            session.execute(update(User.class), List.of(Map.of("id", users.get(0).id, "karma", 5),
                    Map.of("id", users.get(1).id, "karma", 6)));
            assertThat(users.get(0).karma).isEqualTo(5);
            session.execute(Sql.delete(Registry.published(Address.class).table()));
            long n = session.execute(delete(User.class).where(User_.karma.ge(5))).rowcount();
            assertThat(n).isEqualTo(2);
            assertThat(session.inspect(users.get(0)).state()).isEqualTo(ObjectState.DELETED);
            assertThat(session.get(User.class, users.get(0).id)).isNull();
            session.commit();
            assertThat(session.inspect(users.get(1)).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(session.scalars(select(User.class)).all()).containsExactly(users.get(2));
        }
    }
}
