package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.RetortException;
import org.retort.orm.Model.User;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * Bad input through the Session (unmapped classes, wrong key types, closed sessions, detached and transient objects
 * where a persistent one is needed): each a {@link RetortException} subclass saying what is wrong, never a bare
 * JDK exception, and nothing written.
 */
class SessionBadInputTest {

    /** Not mapped. */
    static class Stranger {
        Long id;
    }

    @BackendTest
    void badSessionCallsAreRetortExceptionsAndWriteNothing(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("add an unmapped object", () -> {
            try (Session s = Session.of(engine)) {
                s.add(new Stranger());
                s.commit();
            }
        });
        calls.put("get an unmapped class", () -> {
            try (Session s = Session.of(engine)) {
                s.get(Stranger.class, 1L);
            }
        });
        calls.put("get with a key of the wrong type", () -> {
            try (Session s = Session.of(engine)) {
                s.get(User.class, "one");
            }
        });
        calls.put("get with too many key values", () -> {
            try (Session s = Session.of(engine)) {
                s.get(User.class, 1L, 2L);
            }
        });
        calls.put("add to a closed session", () -> {
            Session s = Session.of(engine);
            s.close();
            s.add(new User("closed", null));
        });
        calls.put("query a closed session", () -> {
            Session s = Session.of(engine);
            s.close();
            s.scalars(Orm.select(User.class)).all();
        });
        calls.put("delete a transient object", () -> {
            try (Session s = Session.of(engine)) {
                s.delete(new User("never added", null));
            }
        });
        calls.put("refresh a detached object", () -> {
            User u = new User("detached", null);
            try (Session s = Session.of(engine)) {
                s.add(u);
                s.commit();
            }
            try (Session s = Session.of(engine)) {
                s.refresh(u);
            }
        });
        calls.put("NOT NULL field left null", () -> {
            try (Session s = Session.of(engine)) {
                s.add(new User(null, null));
                s.commit();
            }
        });
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Runnable> call : calls.entrySet()) {
            Throwable e = catchThrowable(call.getValue()::run);
            if (!(e instanceof RetortException) || e.getMessage() == null || e.getMessage().length() < 20) {
                wrong.add(call.getKey() + " -> " + e);
            }
        }
        assertThat(wrong).as("calls that did not fail with a RetortException explaining itself").isEmpty();
        try (Connection c = engine.connect()) {
            assertThat(((Number) c.scalar(text("SELECT count(*) FROM user_account WHERE name <> 'detached'"))).intValue())
                    .as("nothing written by a bad call").isZero();
        }
    }
}
