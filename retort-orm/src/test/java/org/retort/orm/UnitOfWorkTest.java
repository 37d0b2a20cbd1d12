package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.exc.IntegrityError;
import org.retort.exc.InvalidRequestException;
import org.retort.orm.Model.Address;
import org.retort.orm.Model.User;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Flush ordering, batching, keys, defaults, failures, savepoints, expiry and merge, on every backend. */
class UnitOfWorkTest {

    private static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return ((Number) c.execute(text("SELECT count(*) FROM " + table)).scalar()).longValue();
        }
    }

    @BackendTest
    void parentsAreInsertedBeforeChildrenAndChildrenDeletedFirst(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        StatementLog log = StatementLog.on(engine);
        User u = new User("krabs", null);
        u.id = 10L;
        Address a1 = new Address("krabs@krusty.com", 10L);
        Address a2 = new Address("eugene@krusty.com", 10L);
        try (Session session = Session.of(engine)) {
            session.addAll(List.of(a1, a2));
            session.add(u);
            session.flush();
            List<String> inserts = log.starting("INSERT");
            assertThat(inserts.get(0)).startsWith("INSERT INTO user_account");
            assertThat(inserts.get(inserts.size() - 1)).startsWith("INSERT INTO address");
            assertThat(a1.id).isNotNull();
            assertThat(a2.id).isGreaterThan(a1.id);
            session.commit();
            log.clear();
            User parent = session.get(User.class, 10L);
            Address child1 = session.get(Address.class, a1.id);
            Address child2 = session.get(Address.class, a2.id);
            log.clear();
            session.delete(parent);
            session.delete(child1);
            session.delete(child2);
            session.commit();
            List<String> deletes = log.starting("DELETE");
            assertThat(deletes).hasSize(2);
            assertThat(deletes.get(0)).startsWith("DELETE FROM address");
            assertThat(deletes.get(1)).startsWith("DELETE FROM user_account");
        }
        assertThat(count(engine, "address")).isZero();
        assertThat(count(engine, "user_account")).isZero();
    }

    @BackendTest
    void javaDefaultsAndServerDefaultsAreWrittenBackAtFlush(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        try (Session session = Session.of(engine)) {
            User u = new User("pearl", null);
            session.add(u);
            session.flush();
            Address a = new Address("pearl@krusty.com", u.id);
            session.add(a);
            session.flush();
            assertThat(a.created).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
            assertThat(a.kind).as("server default fetched back").isEqualTo("home");
            assertThat(session.isModified(a)).isFalse();
            session.commit();
        }
    }

    @BackendTest
    void tenThousandObjectsFlushInBatchesWithKeysFetchedBack(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        StatementLog log = StatementLog.on(engine);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            users.add(new User("user" + i, "User number " + i));
        }
        try (Session session = Session.of(engine)) {
            session.addAll(users);
            session.commit();
        }
        Set<Long> ids = new HashSet<>();
        for (User u : users) {
            ids.add(u.id);
        }
        assertThat(ids).hasSize(10_000).doesNotContainNull();
        assertThat(count(engine, "user_account")).isEqualTo(10_000);
        if (db.dialect().supportsReturning()) {
            assertThat(log.starting("INSERT")).as("multi-row INSERT ... RETURNING batches").hasSizeLessThan(100);
        }
        try (Session session = Session.of(engine)) {
            User u = session.get(User.class, users.get(4321).id);
            assertThat(u.name).isEqualTo("user4321");
        }
    }

    @BackendTest
    void ormBulkInsertOfTenThousandMapsReturnsObjectsWithKeys(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Map.of("name", "bulk" + i, "fullname", "Bulk " + i));
        }
        try (Session session = Session.of(engine)) {
            List<User> users = session.execute(Orm.insert(User.class).returning(User.class), rows)
                    .<User>scalars().all();
            assertThat(users).hasSize(10_000);
            assertThat(users.get(0).name).isEqualTo("bulk0");
            assertThat(users.get(9_999).name).isEqualTo("bulk9999");
            assertThat(users.stream().map(u -> u.id).distinct().count()).isEqualTo(10_000);
            assertThat(users.get(5).karma).as("Java default applied").isEqualTo(0);
            assertThat(session.get(User.class, users.get(17).id)).isSameAs(users.get(17));
            session.commit();
        }
        assertThat(count(engine, "user_account")).isEqualTo(10_000);
    }

    @BackendTest
    void ormBulkInsertReturningColumnsGivesValuesInRowOrderAndLoadsNoObjects(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(Map.of("name", "col" + i));
        }
        try (Session session = Session.of(engine)) {
            OrmResult result = session.execute(Orm.insert(User.class).returning(Model.User_.id, Model.User_.name,
                    Model.User_.karma), rows);
            List<OrmRow> back = result.all();
            assertThat(back).hasSize(1_500);
            for (int i = 0; i < back.size(); i++) {
                assertThat(back.get(i).get(1)).isEqualTo("col" + i);
                assertThat(((Number) back.get(i).get(2)).intValue()).as("Java default").isZero();
            }
            List<Long> ids = back.stream().map(r -> ((Number) r.get(0)).longValue()).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(session.contains(session.get(User.class, ids.get(3)))).as("loaded now, by get").isTrue();
            assertThat(session.dirty()).isEmpty();
            session.commit();
        }
        assertThat(count(engine, "user_account")).isEqualTo(1_500);
        try (Session session = Session.of(engine)) {
            // only the generated key: without RETURNING (H2) a JDBC batch and the driver's keys answer
            List<Object> keys = session.execute(Orm.insert(User.class).returning(Model.User_.id),
                    List.of(Map.of("name", "k1"), Map.of("name", "k2"), Map.of("name", "k3"))).scalars().all();
            assertThat(keys).hasSize(3).doesNotHaveDuplicates().allMatch(k -> k instanceof Long);
            assertThat(session.get(User.class, keys.get(2)).name).isEqualTo("k3");
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            assertThatThrownBy(() -> Orm.update(User.class).where(Model.User_.id.eq(1L)).returning(User.class))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("ORM bulk INSERT");
            assertThatThrownBy(() -> Orm.insert(User.class).returning()).isInstanceOf(ArgumentException.class);
        }
    }

    @BackendTest
    void aFailedFlushTakesBackWhatABeforeUpdateListenerSetAndKeepsTheProgramsOwnChanges(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        User first = new User("sandy", null);
        User second = new User("gary", null);
        try (Session session = Session.of(engine)) {
            session.add(first);
            session.add(second);
            session.add(new Address("sandy@treedome.org", null));
            session.commit();
        }
        org.retort.event.Registration stamp = Registry.published(User.class).events()
                .onBeforeUpdate((m, conn, u) -> u.fullname = u.fullname + " (stamped)");
        try (Session session = Session.of(engine)) {
            User stamped = session.get(User.class, first.id);
            User plain = session.get(User.class, second.id);
            stamped.fullname = "Sandy Cheeks";
            plain.name = "gary the snail";
            session.add(new Address("sandy@treedome.org", null)); // its INSERT fails after the UPDATEs ran
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            assertThat(stamped.fullname).as("the listener's change is taken back with the flush")
                    .isEqualTo("Sandy Cheeks");
            assertThat(plain.name).as("the program's change stays, to flush again").isEqualTo("gary the snail");
            assertThat(session.inspect(plain).history("name").added()).containsExactly("gary the snail");
            session.rollback();
        } finally {
            stamp.remove();
        }
        assertThat(count(engine, "address")).isEqualTo(1);
    }

    @BackendTest
    void integrityErrorDuringFlushLeavesDatabaseUnchangedAndSessionUsableAfterRollback(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        User existing = new User("mrs puff", null);
        try (Session session = Session.of(engine)) {
            session.add(existing);
            session.add(new Address("puff@boating.edu", null));
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            User persistent = session.get(User.class, existing.id);
            persistent.fullname = "Mrs. Puff";
            User fresh = new User("larry", "Larry the Lobster");
            Address duplicate = new Address("puff@boating.edu", null);
            session.add(fresh);
            session.add(duplicate);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            assertThat(session.inspect(fresh).state()).isEqualTo(ObjectState.PENDING);
            assertThat(fresh.id).as("the key from the rolled-back INSERT is taken back").isNull();
            assertThat(fresh.karma).as("the Java default the failed flush filled in is taken back").isNull();
            assertThat(session.inspect(persistent).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.inspect(persistent).history("fullname").added()).containsExactly("Mrs. Puff");
            assertThatThrownBy(() -> session.get(User.class, existing.id))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("rollback()");
            assertThat(count(engine, "user_account")).isEqualTo(1);
            session.rollback();
            assertThat(session.inspect(fresh).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(persistent.fullname).as("rollback discards the unflushed change").isNull();
            session.add(new User("larry", "Larry the Lobster"));
            session.commit();
        }
        assertThat(count(engine, "user_account")).isEqualTo(2);
        assertThat(count(engine, "address")).isEqualTo(1);
    }

    @BackendTest
    void anObjectInsertedAndThenUpdatedInARolledBackTransactionBecomesTransient(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        try (Session session = Session.of(engine)) {
            User sandy = new User("sandy", "Sandy Cheeks");
            session.add(sandy);
            session.flush(); // INSERT
            sandy.fullname = "Sandy Squirrel";
            session.flush(); // UPDATE of the object inserted in this same transaction
            session.rollback();
            assertThat(session.inspect(sandy).state()).isEqualTo(ObjectState.TRANSIENT);
            sandy.name = "sandra";
            session.flush();
            assertThat(count(engine, "user_account")).as("nothing written").isZero();
        }
    }

    @BackendTest
    void rollbackToSavepointRestoresValuesChangedSinceAndKeepsEarlierWork(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        db.require(db.dialect().supportsSavepoints(), "needs SAVEPOINT");
        try (Session session = Session.of(engine)) {
            User u = new User("gary", "Gary the Snail");
            session.add(u);
            session.flush();
            SessionTransaction sp = session.beginNested();
            u.fullname = "Gary";
            User inner = new User("plankton", null);
            session.add(inner);
            session.flush();
            sp.rollback();
            assertThat(u.fullname).isEqualTo("Gary the Snail");
            assertThat(session.isModified(u)).isFalse();
            assertThat(session.inspect(inner).state()).isEqualTo(ObjectState.TRANSIENT);
            try (SessionTransaction sp2 = session.beginNested()) {
                u.name = "gary2";
                sp2.commit();
            }
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            List<User> all = session.scalars(Orm.select(User.class)).all();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).name).isEqualTo("gary2");
            assertThat(all.get(0).fullname).isEqualTo("Gary the Snail");
        }
    }

    @BackendTest
    void expireOnCommitReloadsChangedRowsWhenNextQueried(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        Table users = Registry.published(User.class).table();
        StatementLog log = StatementLog.on(engine);
        try (Session session = Session.of(engine)) {
            User u = new User("karen", "Karen Plankton");
            session.add(u);
            session.commit();
            assertThat(session.inspect(u).isExpired()).isTrue();
            engine.begin(c -> c.execute(org.retort.sql.Sql.update(users).set("fullname", "Karen the Computer")));
            log.clear();
            User same = session.get(User.class, u.id);
            assertThat(same).isSameAs(u);
            assertThat(log.starting("SELECT")).hasSize(1);
            assertThat(u.fullname).isEqualTo("Karen the Computer");
            assertThat(session.inspect(u).isExpired()).isFalse();
            u.fullname = "Karen";
            session.commit();
            assertThat(session.scalar(Orm.select(Model.User_.fullname))).isEqualTo("Karen");
        }
        SessionFactory noExpire = SessionFactory.builder(engine).expireOnCommit(false).build();
        try (Session session = noExpire.open()) {
            User u = session.scalars(Orm.select(User.class)).one();
            session.commit();
            engine.begin(c -> c.execute(org.retort.sql.Sql.update(users).set("fullname", "changed elsewhere")));
            log.clear();
            assertThat(session.get(User.class, u.id).fullname).isEqualTo("Karen");
            assertThat(log.count()).as("not expired: identity map, no SQL").isZero();
            session.refresh(u);
            assertThat(u.fullname).isEqualTo("changed elsewhere");
        }
    }

    @BackendTest
    void mergeCopiesADetachedObjectOntoThePersistentOne(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        User detached;
        try (Session session = Session.of(engine)) {
            detached = new User("bubble bass", null);
            session.add(detached);
            session.commit();
        }
        detached.fullname = "Bubble Bass";
        try (Session session = Session.of(engine)) {
            User merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(session.contains(detached)).isFalse();
            assertThat(merged.fullname).isEqualTo("Bubble Bass");
            assertThat(session.isModified(merged)).isTrue();
            assertThat(session.merge(detached)).isSameAs(merged);
            User brandNew = new User("new kid", null);
            User mergedNew = session.merge(brandNew);
            assertThat(session.inspect(mergedNew).state()).isEqualTo(ObjectState.PENDING);
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            assertThat(session.get(User.class, detached.id).fullname).isEqualTo("Bubble Bass");
            assertThat(session.scalars(Orm.select(User.class)).all()).hasSize(2);
        }
    }

    @BackendTest
    void deletingAnObjectAndAddingANewOneWithItsKeyBecomesAnUpdate(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        User old = new User("old", "Old Timer");
        old.id = 5L;
        try (Session session = Session.of(engine)) {
            session.add(old);
            session.commit();
            StatementLog log = StatementLog.on(engine);
            session.get(User.class, 5L);
            log.clear();
            User replacement = new User("new", "Old Timer");
            replacement.id = 5L;
            session.delete(old);
            session.add(replacement);
            session.flush();
            assertThat(log.all()).hasSize(1);
            assertThat(log.all().get(0)).startsWith("UPDATE user_account SET name=? WHERE");
            assertThat(session.inspect(old).state()).isEqualTo(ObjectState.DELETED);
            assertThat(session.inspect(replacement).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.get(User.class, 5L)).isSameAs(replacement);
            session.commit();
            assertThat(session.inspect(old).state()).isEqualTo(ObjectState.DETACHED);
        }
        assertThat(count(engine, "user_account")).isEqualTo(1);
    }

    @BackendTest
    void updatingARowDeletedByAnotherTransactionRaisesStaleData(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        try (Session session = Session.of(engine)) {
            User u = new User("ghost", null);
            session.add(u);
            session.commit();
            session.get(User.class, u.id);
            session.execute(text("DELETE FROM user_account"));   // behind the ORM's back, as another writer would
            u.fullname = "The Flying Dutchman";
            assertThatThrownBy(session::flush).isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("expected to update 1 row(s); 0 were matched");
            session.rollback();
            assertThat(u.fullname).isNull();
        }
    }

    @BackendTest
    void anIntegrityErrorInsideASavepointIsUndoneByRollingBackTheSavepointOnly(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        db.require(db.dialect().supportsSavepoints(), "needs SAVEPOINT");
        try (Session session = Session.of(engine)) {
            User kept = new User("kept", null);
            session.add(kept);
            session.add(new Address("taken@example.com", null));
            SessionTransaction sp = session.beginNested();
            Address duplicate = new Address("taken@example.com", null);
            session.add(duplicate);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            sp.rollback();
            assertThat(session.inspect(duplicate).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(session.inspect(kept).state()).isEqualTo(ObjectState.PERSISTENT);
            session.add(new Address("free@example.com", null));
            session.commit();
        }
        assertThat(count(engine, "user_account")).isEqualTo(1);
        assertThat(count(engine, "address")).isEqualTo(2);
    }

    @BackendTest
    void updatesOfTheSameColumnsShareOneBatchAndOthersGetTheirOwn(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        try (Session session = Session.of(engine)) {
            for (int i = 0; i < 5; i++) {
                session.add(new User("u" + i, null));
            }
            session.commit();
            List<User> users = session.scalars(Orm.select(User.class).orderBy(Model.User_.id)).all();
            StatementLog log = StatementLog.on(engine);
            for (int i = 0; i < 4; i++) {
                users.get(i).fullname = "F" + i;
            }
            users.get(4).karma = 99;
            session.flush();
            List<String> updates = log.starting("UPDATE");
            assertThat(updates).containsExactly(
                    "UPDATE user_account SET fullname=? WHERE user_account.id = ?",
                    "UPDATE user_account SET karma=? WHERE user_account.id = ?");
            session.commit();
            assertThat(session.scalars(Orm.select(Model.User_.fullname).where(Model.User_.fullname.isNotNull()))
                    .all()).containsExactlyInAnyOrder("F0", "F1", "F2", "F3");
        }
    }
}
