package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.*;
import static org.retort.sql.Sql.*;
import static org.retort.types.Types.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.exc.CompileException;
import org.retort.exc.InvalidRequestException;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.junit.jupiter.api.Test;
import org.retort.sql.internal.InsertManyValues;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * RETURNING in parameter order for an executemany ({@code sortByParameterOrder()}, SQLAlchemy's
 * {@code sort_by_parameter_order=True}): batched with an insert sentinel (an {@code insertSentinel()} column, a
 * client-supplied primary key, or MariaDB's autoincrement key), else one INSERT per parameter set, logged.
 */
class SortedReturningTest {
    private static final int ROWS = 2345;

    /** A server-generated key, and a UUID sentinel column filled per row on the client. */
    private static Table documents(MetaData md) {
        return md.table("sr_document",
                column("id", INTEGER, primaryKey()),
                column("data", VARCHAR(20)),
                column("uid", VARCHAR(36), notNull(), insertSentinel(), defaultValue(() -> java.util.UUID.randomUUID().toString())));
    }

    private static List<Map<String, ?>> sets(String key, int n) {
        List<Map<String, ?>> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sets.add(Map.of(key, "d" + i));
        }
        return sets;
    }

    /** Records the INSERT statements sent to the driver. */
    private static List<String> inserts(Engine engine, String table) {
        List<String> seen = new ArrayList<>();
        engine.events().onBeforeCursorExecute(e -> {
            if (e.statement().startsWith("INSERT INTO " + table)) {
                seen.add(e.statement());
            }
            return e.statement();
        });
        return seen;
    }

    /** Skips a backend without RETURNING (H2), asking after connecting, when the dialect knows the server version. */
    private static void requireReturning(TestDatabase db) {
        db.engine().connect().close();
        db.require(db.dialect().supportsReturning(), "no RETURNING (covered by aSentinelColumnKeepsTheInsertBatched)");
    }

    private static void assertInParameterOrder(List<Row> back) {
        assertThat(back).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(back.get(i).get("data")).as("row %d", i).isEqualTo("d" + i);
        }
    }

    @Test
    void theSentinelIsChosenPerTableAndDialect() {
        MetaData md = new MetaData();
        Table docs = documents(md);
        Table plain = md.table("sr_plain", column("id", INTEGER, primaryKey()), column("data", VARCHAR(20)));
        Table counted = md.table("sr_counted", column("id", INTEGER, primaryKey()), column("data", VARCHAR(20)),
                insertSentinel("sentinel"));
        Insert d = (Insert) insert(docs).returning(docs.c("id")).forParameters(Map.of("data", "x"));
        assertThat(InsertManyValues.sentinel(d, Fixtures.PG).column().name()).isEqualTo("uid");
        Insert p = (Insert) insert(plain).returning(plain.c("id")).forParameters(Map.of("data", "x"));
        assertThat(InsertManyValues.sentinel(p, Fixtures.PG).orderedSelect()).as("PostgreSQL: INSERT ... SELECT ... "
                + "ORDER BY").isTrue();
        assertThat(InsertManyValues.sentinel(p, Fixtures.SQLITE)).as("server key on SQLite: none").isNull();
        assertThat(InsertManyValues.sentinel(p, Fixtures.MARIADB).autoincrement()).as("MariaDB: the key").isTrue();
        Insert k = (Insert) insert(plain).returning(plain.c("data")).forParameters(Map.of("id", 1, "data", "x"));
        assertThat(InsertManyValues.sentinel(k, Fixtures.SQLITE).bindName()).as("a client key").isEqualTo("id");
        Insert c = (Insert) insert(counted).returning(counted.c("id")).forParameters(Map.of("data", "x"));
        assertThat(InsertManyValues.sentinel(c, Fixtures.SQLITE).column().name()).isEqualTo("sentinel");
        assertThat(insert(plain).sortByParameterOrder().returning(plain.c("id")).isSortByParameterOrder())
                .as("the flag survives later builder calls").isTrue();
    }

    @Test
    void theOrderedSelectFormAsSqlAlchemyWritesIt() {
        MetaData md = new MetaData();
        Table t = md.table("sr_plain", column("id", INTEGER, primaryKey()), column("data", VARCHAR(20)),
                column("weight", INTEGER, defaultValue(literalColumn("2 * 21"))));
        Insert base = (Insert) insert(t).returning(t.c("id")).forParameters(Map.of("data", "x"));
        List<Map<String, ?>> sets = List.of(Map.of("data", "a"), Map.of("data", "b"));
        Insert pg = InsertManyValues.orderedSelect(base, sets, 0, List.of(t.c("id"), t.c("id")));
        Compiled c = pg.compile(Fixtures.PG);
        assertThat(c.sql()).isEqualTo("INSERT INTO sr_plain (data, weight) SELECT CAST(imp_sen.p0 AS VARCHAR(20)) AS "
                + "anon_1, CAST(imp_sen.p1 AS INTEGER) AS anon_2 FROM (VALUES (?, 2 * 21, ?), (?, 2 * 21, ?)) AS imp_sen "
                + "(p0, p1, sen_counter) ORDER BY imp_sen.sen_counter RETURNING sr_plain.id, sr_plain.id AS id_1");
        assertThat(c.bind(pg.boundValues(), Map.of()).values()).containsExactly("a", 0, "b", 1);
        assertThat(InsertManyValues.orderedSelect(base, sets, 0, List.of(t.c("id"))).compile(Fixtures.MSSQL).sql())
                .isEqualTo("INSERT INTO sr_plain (data, weight) OUTPUT inserted.id SELECT CAST(imp_sen.p0 AS "
                        + "VARCHAR(20)) AS anon_1, CAST(imp_sen.p1 AS INTEGER) AS anon_2 FROM (VALUES (?, 2 * 21, ?), "
                        + "(?, 2 * 21, ?)) AS imp_sen (p0, p1, sen_counter) ORDER BY imp_sen.sen_counter");
        assertThatThrownBy(() -> InsertManyValues.orderedSelect(base, List.of(Map.of("other", 1)), 4, List.of(t.c("id"))))
                .isInstanceOf(org.retort.exc.ArgumentException.class).hasMessageContaining("parameter set 4");
    }

    @BackendTest
    void aSentinelColumnKeepsTheInsertBatched(TestDatabase db) {
        MetaData md = new MetaData();
        Table docs = documents(md);
        Engine engine = db.engine();
        List<String> sent = inserts(engine, "sr_document");
        try (Connection conn = engine.connect()) {
            md.createAll(conn, false);
            Insert stmt = insert(docs).returning(docs.c("id"), docs.c("data")).sortByParameterOrder();
            if (!db.dialect().supportsReturning()) {
                assertThatThrownBy(() -> conn.execute(stmt, sets("data", ROWS))).isInstanceOf(CompileException.class)
                        .hasMessageContaining("RETURNING");
                return;
            }
            Result back = conn.execute(stmt, sets("data", ROWS));
            assertThat(back.keys()).as("the sentinel column is not handed back").containsExactly("id", "data");
            List<Row> rows = back.all();
            assertInParameterOrder(rows);
            assertThat(sent).as("three multi-row statements").hasSize(3);
            assertThat(sent.get(0)).contains("RETURNING sr_document.id, sr_document.data, sr_document.uid");
            Map<Object, Object> stored = new java.util.HashMap<>();
            for (Row r : conn.execute(select(docs.c("id"), docs.c("data")).selectFrom(docs))) {
                stored.put(((Number) r.get(0)).longValue(), r.get(1));
            }
            for (Row r : rows) {
                assertThat(stored.get(((Number) r.get("id")).longValue())).as("the id belongs to its data")
                        .isEqualTo(r.get("data"));
            }
        }
    }

    @BackendTest
    void aClientPrimaryKeyIsTheSentinel(TestDatabase db) {
        requireReturning(db);
        MetaData md = new MetaData();
        Table t = md.table("sr_keyed", column("code", VARCHAR(10), primaryKey()), column("data", VARCHAR(20)),
                column("n", INTEGER, serverDefault("7")));
        List<String> sent = inserts(db.engine(), "sr_keyed");
        List<Map<String, ?>> sets = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            sets.add(Map.of("code", "k" + (ROWS - i), "data", "d" + i));
        }
        try (Connection conn = db.engine().connect()) {
            md.createAll(conn, false);
            List<Row> back = conn.execute(insert(t).returning(t.c("data"), t.c("n")).sortByParameterOrder(), sets).all();
            assertInParameterOrder(back);
            assertThat(((Number) back.get(5).get("n")).intValue()).isEqualTo(7);
        }
        assertThat(sent).hasSize(3);
    }

    @BackendTest
    void aServerKeyWithoutSentinelIsBatchedOnlyWhereKeysFollowValuesOrder(TestDatabase db) {
        requireReturning(db);
        MetaData md = new MetaData();
        Table t = md.table("sr_plain", column("id", INTEGER, primaryKey()), column("data", VARCHAR(20)));
        List<String> echo = new ArrayList<>();
        Engine engine = db.engine(b -> b.echoTo(echo::add));
        List<String> sent = inserts(engine, "sr_plain");
        try (Connection conn = engine.connect()) {
            md.createAll(conn, false);
            List<Row> back = conn.execute(insert(t).returning(t.c("id"), t.c("data")).sortByParameterOrder(),
                    sets("data", ROWS)).all();
            assertInParameterOrder(back);
            for (int i = 1; i < ROWS; i++) {
                assertThat(((Number) back.get(i).get("id")).longValue())
                        .isGreaterThan(((Number) back.get(i - 1).get("id")).longValue());
            }
        }
        if (db.dialect().insertManyValuesAutoincrementInOrder()) {
            assertThat(sent).as("MariaDB: batched, sorted by the AUTO_INCREMENT key").hasSize(3);
            assertThat(echo).noneMatch(l -> l.contains("no insert sentinel"));
        } else if (db.dialect().insertManyValuesOrderedSelect()) {
            assertThat(sent).as("PostgreSQL: batched as INSERT ... SELECT ... ORDER BY, sorted by the key").hasSize(3);
            assertThat(sent.get(0)).contains("FROM (VALUES").contains("ORDER BY imp_sen.sen_counter RETURNING");
            assertThat(echo).noneMatch(l -> l.contains("no insert sentinel"));
        } else {
            assertThat(sent).as("one INSERT per parameter set").hasSize(ROWS);
            assertThat(echo).anyMatch(l -> l.contains("[insertmanyvalues] sr_plain has no insert sentinel")
                    && l.contains("one INSERT per parameter set"));
        }
    }

    @BackendTest
    void aCounterSentinelColumnBatchesAServerKeyTable(TestDatabase db) {
        requireReturning(db);
        MetaData md = new MetaData();
        Table t = md.table("sr_counted", column("id", INTEGER, primaryKey()), column("data", VARCHAR(20)),
                insertSentinel("sentinel"));
        List<String> sent = inserts(db.engine(), "sr_counted");
        try (Connection conn = db.engine().connect()) {
            md.createAll(conn, false);
            assertInParameterOrder(conn.execute(insert(t).returning(t.c("id"), t.c("data")).sortByParameterOrder(),
                    sets("data", ROWS)).all());
        }
        assertThat(sent).hasSize(3);
    }

    @BackendTest
    void aSentinelWithOneValueForEveryRowIsRefused(TestDatabase db) {
        requireReturning(db);
        MetaData md = new MetaData();
        Table t = md.table("sr_same", column("id", INTEGER, primaryKey()), column("data", VARCHAR(20)),
                column("uid", VARCHAR(36), insertSentinel(), defaultValue(() -> "same")));
        try (Connection conn = db.engine().connect()) {
            md.createAll(conn, false);
            assertThatThrownBy(() -> conn.execute(insert(t).returning(t.c("id")).sortByParameterOrder(), sets("data", 3)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("the value same twice")
                    .hasMessageContaining("distinct value per row");
        }
    }
}
