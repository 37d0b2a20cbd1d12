package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.retort.engine.Engine;
import org.retort.event.Registration;
import org.retort.exc.IntegrityError;
import org.retort.orm.Model.Address;
import org.retort.orm.Model.User;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.retort.orm.mapping.Mapper;

/** Mapper persistence events, load/refresh events and session events, on every backend. */
class OrmEventsTest {

    @BackendTest
    void mapperAndSessionEventsFireInOrderAroundTheStatements(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        List<String> seen = new CopyOnWriteArrayList<>();
        engine.events().onAfterCursorExecute(e -> seen.add("sql " + e.statement().split(" ")[0]));
        Mapper<User> users = Registry.published(User.class);
        users.events().onBeforeInsert((m, conn, u) -> {
            seen.add("before insert " + u.name);
            u.fullname = "set by listener";
        });
        users.events().onAfterInsert((m, conn, u) -> seen.add("after insert " + u.id.equals(u.id)));
        users.events().onBeforeUpdate((m, conn, u) -> seen.add("before update " + u.name));
        users.events().onAfterUpdate((m, conn, u) -> seen.add("after update"));
        users.events().onBeforeDelete((m, conn, u) -> seen.add("before delete"));
        users.events().onAfterDelete((m, conn, u) -> seen.add("after delete"));
        Registration load = users.events().onLoad(u -> seen.add("load " + u.name));
        users.events().onRefresh(u -> seen.add("refresh " + u.name));
        SessionFactory factory = SessionFactory.builder(engine).build();
        factory.events().onBeforeFlush(s -> seen.add("before flush"));
        factory.events().onAfterFlush(s -> seen.add("after flush"));
        factory.events().onAfterCommit(s -> seen.add("after commit"));
        factory.events().onAfterRollback(s -> seen.add("after rollback"));
        try (Session session = factory.open()) {
            User u = new User("mermaidman", null);
            session.add(u);
            session.commit();
            assertThat(u.fullname).isEqualTo("set by listener");
            assertThat(seen).containsSubsequence("before flush", "before insert mermaidman", "sql INSERT",
                    "after insert true", "after flush", "after commit");
            seen.clear();
            session.get(User.class, u.id);
            assertThat(seen).containsSubsequence("sql SELECT", "refresh mermaidman");
            u.name = "Mermaid Man";
            seen.clear();
            session.flush();
            assertThat(seen).containsExactly("before flush", "before update Mermaid Man", "sql UPDATE",
                    "after update", "after flush");
            session.delete(u);
            seen.clear();
            session.flush();
            assertThat(seen).containsExactly("before flush", "before delete", "sql DELETE", "after delete",
                    "after flush");
            session.rollback();
            assertThat(seen).endsWith("after rollback");
        }
        try (Session session = factory.open()) {
            seen.clear();
            session.scalars(Orm.select(User.class)).all();
            assertThat(seen).contains("load mermaidman");
            load.remove();
        }
    }

    @BackendTest
    void aFailingStatementInAFlushStillLeavesTheSessionRecoverable(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        try (Session session = Session.of(engine)) {
            session.add(new Address("same@example.com", null));
            session.add(new Address("same@example.com", null));
            assertThatThrownBy(session::commit).isInstanceOf(IntegrityError.class);
            session.rollback();
            assertThat(session.newObjects()).isEmpty();
            session.add(new Address("once@example.com", null));
            session.commit();
            assertThat(session.scalars(Orm.select(Address.class)).all()).hasSize(1);
        }
    }
}
