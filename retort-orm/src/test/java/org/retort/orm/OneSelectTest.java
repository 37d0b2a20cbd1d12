package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.orm.Orm.select;
import static org.retort.sql.Sql.*;

import java.util.List;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.orm.Model.User;
import org.retort.orm.Model.User_;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * A file that imports the whole expression language ({@code Sql.*}) and {@code Orm.select} by name writes one
 * {@code select()} for Core rows and ORM objects: it compiles (this file is the proof) and both run.
 */
class OneSelectTest {

    @BackendTest
    void oneSelectServesCoreConnectionsAndSessions(TestDatabase db) {
        Engine engine = SessionStateTest.setUp(db);
        Table users = Model.registry().metadata().table("user_account");
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users), List.of(java.util.Map.of("name", "sandy"), java.util.Map.of("name", "squidward")));
            conn.commit();
            List<Object> names = conn.execute(select(users.c("name")).where(users.c("name").like("s%"))
                    .orderBy(users.c("name"))).scalars().all();
            assertThat(names).containsExactly("sandy", "squidward");
            Object count = conn.execute(select(func.count()).selectFrom(users)).scalar();
            assertThat(((Number) count).intValue()).isEqualTo(2);
            List<Object> union = conn.execute(select(users.c("name")).where(users.c("name").eq("sandy"))
                    .unionAll(select(users.c("name")).where(users.c("name").eq("squidward")))).scalars().all();
            assertThat(union).hasSize(2);
        }
        try (Session session = Session.of(engine)) {
            List<User> found = session.scalars(select(User.class).where(User_.name.in(
                    select(users.c("name")).where(users.c("name").like("sq%")).statement()))).all();
            assertThat(found).extracting(u -> u.name).containsExactly("squidward");
            assertThat(session.scalars(select(User.class).where(select(users.c("id"))
                    .where(users.c("name").eq("sandy")).exists())).all()).hasSize(2);
        }
    }
}
