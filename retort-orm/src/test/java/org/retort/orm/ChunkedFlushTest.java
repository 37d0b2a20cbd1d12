package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.retort.engine.Engine;
import org.retort.exc.IntegrityError;
import org.retort.orm.Model.User;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * A session that flushes in chunks (SQLAlchemy's {@code test_flush_no_pk} shape: add 100 objects, flush, many
 * times) keeps every guarantee of one flush: a failed flush puts back only its own chunk, a rollback to a
 * savepoint undoes exactly the chunks flushed after it, and a rollback undoes all; changes made to objects of
 * earlier chunks are found by later flushes. On every backend.
 */
class ChunkedFlushTest {
    private static final int CHUNK = 100;

    private static List<User> chunk(int from) {
        List<User> out = new ArrayList<>(CHUNK);
        for (int i = from; i < from + CHUNK; i++) {
            out.add(new User("user" + i, "User " + i));
        }
        return out;
    }

    private static long count(Engine engine) {
        try (var conn = engine.connect()) {
            return ((Number) conn.execute(Sql.text("SELECT COUNT(*) FROM user_account")).scalar()).longValue();
        }
    }

    @BackendTest
    void aFailedChunkPutsBackItsOwnObjectsAndLeavesEarlierChunksFlushed(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        try (Session session = Session.of(engine)) {
            List<User> flushed = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                List<User> users = chunk(c * CHUNK);
                session.addAll(users);
                session.flush();
                flushed.addAll(users);
            }
            flushed.get(3).fullname = "changed after its flush";
            List<User> failing = chunk(10_000);
            failing.get(50).name = null; // NOT NULL: the INSERT of this chunk fails
            session.addAll(failing);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            assertThat(failing).allSatisfy(u -> {
                assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PENDING);
                assertThat(u.id).isNull();
            });
            assertThat(flushed).allSatisfy(u -> assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT));
            assertThat(session.isModified(flushed.get(3))).as("the unflushed change is still a change").isTrue();
            session.rollback();
            assertThat(flushed).allSatisfy(u -> assertThat(session.inspect(u).state()).isEqualTo(ObjectState.TRANSIENT));
            assertThat(session.contains(flushed.get(0))).isFalse();
        }
        assertThat(count(engine)).isZero();
    }

    @BackendTest
    void rollbackToASavepointUndoesTheChunksFlushedAfterIt(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        db.require(db.dialect().supportsSavepoints(), "needs SAVEPOINT");
        try (Session session = Session.of(engine)) {
            List<User> before = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                List<User> users = chunk(c * CHUNK);
                session.addAll(users);
                session.flush();
                before.addAll(users);
            }
            SessionTransaction sp = session.beginNested();
            List<User> inside = new ArrayList<>();
            for (int c = 3; c < 6; c++) {
                List<User> users = chunk(c * CHUNK);
                session.addAll(users);
                session.flush();
                inside.addAll(users);
            }
            before.get(7).fullname = "renamed inside";
            session.flush();
            sp.rollback();
            assertThat(inside).allSatisfy(u -> assertThat(session.inspect(u).state()).isEqualTo(ObjectState.TRANSIENT));
            assertThat(before).allSatisfy(u -> assertThat(session.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT));
            assertThat(before.get(7).fullname).as("the UPDATE inside the savepoint is undone").isEqualTo("User 7");
            assertThat(session.isModified(before.get(7))).isFalse();

            before.get(8).fullname = "renamed after";
            session.commit();
        }
        assertThat(count(engine)).isEqualTo(3L * CHUNK);
        try (Session session = Session.of(engine)) {
            List<User> all = session.scalars(Orm.select(User.class).where(Model.User_.name.eq("user8"))).all();
            assertThat(all).singleElement().satisfies(u -> assertThat(u.fullname).isEqualTo("renamed after"));
        }
    }

    @BackendTest
    void laterFlushesFindChangesToObjectsOfEarlierChunks(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = Session.of(engine)) {
            List<User> all = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                List<User> users = chunk(c * CHUNK);
                session.addAll(users);
                session.flush();
                all.addAll(users);
            }
            all.get(0).fullname = "first";
            all.get(CHUNK * 2 + 5).fullname = "middle";
            log.clear();
            session.flush();
            assertThat(log.starting("UPDATE")).as("one executemany of the two changed rows").hasSize(1);
            log.clear();
            session.flush();
            assertThat(log.all()).as("nothing left to write").isEmpty();
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            assertThat(session.scalars(Orm.select(User.class).where(Model.User_.fullname.in(List.of("first", "middle"))))
                    .all()).hasSize(2);
        }
    }
}
