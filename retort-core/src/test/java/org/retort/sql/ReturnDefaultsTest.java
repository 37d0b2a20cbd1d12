package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.*;
import static org.retort.sql.Sql.*;
import static org.retort.types.Types.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.exc.ArgumentException;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * {@code returnDefaults()} (SQLAlchemy's {@code return_defaults()}): after an INSERT or UPDATE the result holds the
 * key and the values the database generated, from RETURNING where there is one, else read back by primary key.
 */
class ReturnDefaultsTest {

    /** A generated key, two DDL defaults and a revision the UPDATE bumps in SQL. */
    private static Table items(MetaData md) {
        return md.table("rd_item",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(20)),
                column("status", VARCHAR(10), serverDefault("'new'")),
                column("revision", INTEGER, serverDefault("1"), onUpdate(literalColumn("revision + 1"))));
    }

    private static long id(Object key) {
        return ((Number) key).longValue();
    }

    /** The ids by name, as stored. */
    private static Map<String, Long> stored(Connection conn, Table t) {
        Map<String, Long> ids = new HashMap<>();
        for (Row r : conn.execute(select(t.c("id"), t.c("name")).selectFrom(t))) {
            ids.put((String) r.get(1), id(r.get(0)));
        }
        return ids;
    }

    @BackendTest
    void anInsertHandsBackItsKeyAndServerDefaults(TestDatabase db) {
        MetaData md = new MetaData();
        Table t = items(md);
        try (Connection conn = db.engine().connect()) {
            md.createAll(conn, false);
            conn.execute(insert(t).values(Map.of("name", "before")));
            Result r = conn.execute(insert(t).values(Map.of("name", "a")).returnDefaults());
            assertThat(r.returnsRows()).isFalse();
            assertThat(r.rowcount()).isEqualTo(1);
            assertThat(id(r.insertedPrimaryKey())).isEqualTo(stored(conn, t).get("a"));
            Row defaults = r.returnedDefaults();
            assertThat(defaults.get("status")).isEqualTo("new");
            assertThat(((Number) defaults.get("revision")).intValue()).isEqualTo(1);
            assertThat(id(defaults.get("id"))).isEqualTo(id(r.insertedPrimaryKey()));
            assertThat(conn.execute(insert(t).values(Map.of("name", "b")).returnDefaults(t.c("name")))
                    .returnedDefaults().get("name")).as("an extra column").isEqualTo("b");
        }
    }

    @BackendTest
    void anExecutemanyInsertHandsBackOneRowPerParameterSetInOrder(TestDatabase db) {
        MetaData md = new MetaData();
        Table t = items(md);
        List<Map<String, ?>> sets = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sets.add(Map.of("name", "n" + i));
        }
        try (Connection conn = db.engine().connect()) {
            md.createAll(conn, false);
            Result r = conn.execute(insert(t).returnDefaults(), sets.subList(0, 1));
            assertThat(r.returnedDefaultsRows()).hasSize(1);
            Result many = conn.execute(insert(t).values(Map.of("name", bindparam("name"))).returnDefaults(),
                    List.of(Map.of("name", "x0"), Map.of("name", "x1")));
            assertThat(many.returnedDefaultsRows()).hasSize(2);
            Result all = conn.execute(insert(t).returnDefaults(), sets.subList(1, 25));
            Map<String, Long> ids = stored(conn, t);
            assertThat(all.returnedDefaultsRows()).hasSize(24);
            assertThat(all.insertedPrimaryKeys()).hasSize(24);
            for (int i = 1; i < 25; i++) {
                Row row = all.returnedDefaultsRows().get(i - 1);
                assertThat(id(row.get("id"))).as("set %d", i).isEqualTo(ids.get("n" + i));
                assertThat(id(all.insertedPrimaryKeys().get(i - 1))).isEqualTo(ids.get("n" + i));
                assertThat(row.get("status")).isEqualTo("new");
            }
            assertThat(id(many.returnedDefaultsRows().get(1).get("id"))).isEqualTo(ids.get("x1"));
        }
    }

    @BackendTest
    void anUpdateHandsBackWhatTheDatabaseChanged(TestDatabase db) {
        MetaData md = new MetaData();
        Table t = items(md);
        try (Connection conn = db.engine().connect()) {
            md.createAll(conn, false);
            conn.execute(insert(t), List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")));
            Map<String, Long> ids = stored(conn, t);
            Result one = conn.execute(update(t).set(Map.of("name", "a2")).where(t.c("id").untyped().eq(ids.get("a")))
                    .returnDefaults());
            assertThat(one.rowcount()).isEqualTo(1);
            assertThat(((Number) one.returnedDefaults().get("revision")).intValue()).isEqualTo(2);
            Result two = conn.execute(update(t).set(Map.of("status", "done")).where(t.c("name").untyped()
                    .in(List.of("a2", "b"))).returnDefaults(t.c("name")));
            assertThat(two.returnedDefaultsRows()).hasSize(2);
            assertThat(two.returnedDefaultsRows()).extracting(r -> r.get("name") + "@" + ((Number) r.get("revision")).intValue())
                    .containsExactlyInAnyOrder("a2@3", "b@2");
            Result many = conn.execute(update(t).where(t.c("id").untyped().eq(bindparam("key"))).returnDefaults(),
                    List.of(Map.of("key", ids.get("c"), "name", "c2"), Map.of("key", ids.get("b"), "name", "b2")));
            assertThat(many.returnedDefaultsRows()).extracting(r -> ((Number) r.get("revision")).intValue())
                    .containsExactly(2, 3);
            Result none = conn.execute(update(t).set(Map.of("name", "zz")).where(t.c("name").untyped().eq("nobody"))
                    .returnDefaults());
            assertThat(none.returnedDefaults()).isNull();
            assertThat(none.rowcount()).isZero();
        }
    }

    @Test
    void returnDefaultsAndReturningAreOneOrTheOther() {
        MetaData md = new MetaData();
        Table t = items(md);
        assertThatThrownBy(() -> insert(t).returning(t.c("id")).returnDefaults()).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("use one or the other");
        assertThatThrownBy(() -> update(t).returnDefaults().returning(t.c("id"))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("returnDefaults() already");
        assertThat(insert(t).returnDefaults().withoutReturnDefaults().returnDefaultsColumns()).isNull();
    }
}
