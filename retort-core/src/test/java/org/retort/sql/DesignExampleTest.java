package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.engine.Engine;

/** The Core example of DESIGN.md section 4, with a TableClause standing in for the schema Table. */
class DesignExampleTest {

    @Test
    void designDocumentExampleRuns() {
        Engine engine = Engine.create("sqlite://");
        try {
            try (Connection conn = engine.connect()) {
                conn.execute(text("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, fullname TEXT)"));
                conn.commit();
            }
            TableClause users = TableClause.of("user_account", "id", "name", "fullname");
            ColumnClause<Integer> id = users.c("id", Integer.class);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(users), List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "sandy"),
                        Map.of("name", "squidward"), Map.of("name", "spongebob"), Map.of("name", "sheldon")));
                conn.commit();
            }
            Select stmt = select(users.c("name"), func.count().label("n"))
                    .where(users.c("name").like("s%").and(id.gt(5)))
                    .groupBy(users.c("name")).orderBy(users.c("name").desc()).limit(10);
            String sql = stmt.compile(engine.dialect()).sql();
            assertThat(sql).isEqualTo("SELECT user_account.name, count(*) AS n FROM user_account WHERE user_account.name LIKE ? "
                    + "AND user_account.id > ? GROUP BY user_account.name ORDER BY user_account.name DESC LIMIT ?");
            try (Connection conn = engine.connect()) {
                List<String> names = conn.execute(select(users.c("name"))).scalars(String.class).all();
                assertThat(names).hasSize(6);
                assertThat(conn.execute(stmt).all()).extracting(r -> r.get("name")).containsExactly("sheldon");
            }
        } finally {
            engine.dispose();
        }
    }
}
