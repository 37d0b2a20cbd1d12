package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.exc.CompileException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Constructs only some databases have: each runs where the dialect renders it, and refuses to compile elsewhere. */
class DialectFeaturesExecutionTest {

    private static String dialect(TestDatabase db) {
        return db.dialect().name();
    }

    private static boolean pgOrSqlite(TestDatabase db) {
        return db.isSqlite() || dialect(db).equals("postgresql");
    }

    private static List<String> names(Result r) {
        return r.scalars(String.class).all();
    }

    @BackendTest
    void upsertInsertsOrUpdates(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            if (pgOrSqlite(db)) {
                conn.execute(insert(USERS).values(Map.of("id", 1, "name", "bob")).onConflictDoUpdate(List.of(USER_ID),
                        Map.of("name", excluded(USER_NAME).concat("!"))));
                conn.execute(insert(USERS).values(Map.of("id", 10, "name", "new")).onConflictDoUpdate(List.of(USER_ID),
                        Map.of("name", excluded(USER_NAME))));
                conn.execute(insert(USERS).values(Map.of("id", 2, "name", "ignored")).onConflictDoNothing());
            } else if (dialect(db).equals("mariadb")) {
                conn.execute(insert(USERS).values(Map.of("id", 1, "name", "bob")).onDuplicateKeyUpdate(
                        Map.of("name", excluded(USER_NAME).concat("!"))));
                conn.execute(insert(USERS).values(Map.of("id", 10, "name", "new")).onDuplicateKeyUpdate(
                        Map.of("name", excluded(USER_NAME))));
            } else {
                assertThatThrownBy(() -> conn.execute(insert(USERS).values(Map.of("id", 1, "name", "bob")).onConflictDoNothing()))
                        .isInstanceOf(CompileException.class).hasMessageContaining(dialect(db));
                return;
            }
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.in(1, 2, 10)).orderBy(USER_ID))))
                    .containsExactly("bob!", "sandy", "new");
        }
    }

    @BackendTest
    void returningFromInsertUpdateDelete(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Insert ins = insert(USERS).values(Map.of("name", "gary")).returning(USER_ID, USER_NAME);
            if (!db.dialect().supportsReturning()) {
                assertThatThrownBy(() -> conn.execute(ins)).isInstanceOf(CompileException.class).hasMessageContaining("RETURNING");
                return;
            }
            Row row = conn.execute(ins).one();
            assertThat(((Number) row.getByColumn(USER_ID)).intValue()).isEqualTo(6);
            assertThat(row.get("name")).isEqualTo("gary");
            List<Row> deleted = conn.execute(delete(ADDRESSES).where(ADDRESS_USER_ID.eq(2)).returning(EMAIL)).all();
            assertThat(deleted).extracting(r -> r.get(0)).containsExactlyInAnyOrder("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
            Update upd = update(USERS).set(Map.of("fullname", "G")).where(USER_ID.eq(6)).returning(FULLNAME);
            if (dialect(db).equals("mariadb")) {
                assertThatThrownBy(() -> conn.execute(upd)).isInstanceOf(CompileException.class);
            } else {
                assertThat(conn.execute(upd).scalar()).isEqualTo("G");
                Result many = conn.execute(update(USERS).where(USER_ID.eq(bindparam("uid"))).returning(USER_NAME, FULLNAME),
                        List.of(Map.of("uid", 1, "fullname", "one"), Map.of("uid", 3, "fullname", "three")));
                assertThat(many.rowcount()).isEqualTo(2);
                assertThat(many.all()).extracting(r -> r.get(0) + "=" + r.get(1)).containsExactly("spongebob=one", "patrick=three");
            }
        }
    }

    @BackendTest
    void insertManyValuesReturnsRowsInTheOrderGiven(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            List<Map<String, ?>> rows = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                rows.add(Map.of("user_id", 1 + (i * 7) % 5, "email_address", "user" + (2499 - i) + "@example.com"));
            }
            Insert stmt = insert(ADDRESSES).returning(ADDRESS_ID, EMAIL);
            if (!db.dialect().supportsReturning()) {
                assertThatThrownBy(() -> conn.execute(stmt, rows)).isInstanceOf(CompileException.class);
                return;
            }
            List<Row> back = conn.execute(stmt, rows).all();
            assertThat(back).hasSize(2500);
            for (int i = 0; i < 2500; i++) {
                assertThat(back.get(i).get("email_address")).isEqualTo("user" + (2499 - i) + "@example.com");
                if (i > 0) {
                    assertThat(((Number) back.get(i).get("id")).intValue()).isGreaterThan(((Number) back.get(i - 1).get("id")).intValue());
                }
            }
            assertThat(((Number) conn.execute(select(func.count()).selectFrom(ADDRESSES)).scalar()).intValue()).isEqualTo(2504);
        }
    }

    @BackendTest
    void updateAndDeleteAcrossTables(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Update upd = update(USERS).set(Map.of("fullname", "has sqlalchemy mail")).where(USER_ID.eq(ADDRESS_USER_ID),
                    EMAIL.like("%sqlalchemy%"));
            Delete del = delete(ADDRESSES).where(ADDRESS_USER_ID.eq(USER_ID), USER_NAME.eq("sandy"));
            String d = dialect(db);
            if (d.equals("h2")) {
                assertThatThrownBy(() -> conn.execute(upd)).isInstanceOf(CompileException.class);
                return;
            }
            assertThat(conn.execute(upd).rowcount()).isEqualTo(2);
            assertThat(names(conn.execute(select(USER_NAME).where(FULLNAME.eq("has sqlalchemy mail")).orderBy(USER_ID))))
                    .containsExactly("spongebob", "sandy");
            if (db.isSqlite()) {
                assertThatThrownBy(() -> conn.execute(del)).isInstanceOf(CompileException.class).hasMessageContaining("USING");
                return;
            }
            assertThat(conn.execute(del).rowcount()).isEqualTo(2);
            assertThat(((Number) conn.execute(select(func.count()).selectFrom(ADDRESSES)).scalar()).intValue()).isEqualTo(2);
        }
    }

    @BackendTest
    void distinctOnOnlyOnPostgresql(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Select s = select(ADDRESS_USER_ID, EMAIL).distinctOn(ADDRESS_USER_ID).orderBy(ADDRESS_USER_ID, EMAIL.desc());
            if (!dialect(db).equals("postgresql")) {
                assertThatThrownBy(() -> conn.execute(s)).isInstanceOf(CompileException.class).hasMessageContaining("DISTINCT ON");
                return;
            }
            assertThat(conn.execute(s).all()).extracting(r -> r.get(1))
                    .containsExactly("spongebob@sqlalchemy.org", "sandy@squirrelpower.org", "pat_50%@x.org");
        }
    }

    @BackendTest
    void valuesListJoinsLikeATable(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Values v = values("v", "uid", "tag").data(List.of(List.of(1, "first"), List.of(3, "third")));
            List<Row> rows = conn.execute(select(USER_NAME, v.c("tag")).join(v, USER_ID.eq(v.c("uid"))).orderBy(USER_ID)).all();
            assertThat(rows).extracting(r -> r.get(0) + ":" + r.get(1)).containsExactly("spongebob:first", "patrick:third");
        }
    }

    @BackendTest
    void lateralJoinOnPostgresql(TestDatabase db) {
        db.require(dialect(db).equals("postgresql"), "LATERAL is rendered for PostgreSQL and MySQL 8 only");
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Subquery last = select(EMAIL).where(ADDRESS_USER_ID.eq(USER_ID)).orderBy(EMAIL.desc()).limit(1).lateral("last");
            assertThat(conn.execute(select(USER_NAME, last.c("email_address")).join(last, true_()).orderBy(USER_ID)).all())
                    .extracting(r -> r.get(1)).containsExactly("spongebob@sqlalchemy.org", "sandy@squirrelpower.org", "pat_50%@x.org");
        }
    }

    @BackendTest
    void regularExpressions(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Select s = select(USER_NAME).where(USER_NAME.regexpMatch("^s[pq]")).orderBy(USER_NAME);
            if (db.isSqlite()) {
                assertThatThrownBy(() -> conn.execute(s)).isInstanceOf(CompileException.class).hasMessageContaining("sqlite");
                return;
            }
            assertThat(names(conn.execute(s))).containsExactly("spongebob", "squidward");
        }
    }

    @BackendTest
    void fullOuterJoin(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Select s = select(USER_NAME, EMAIL).fullOuterJoin(ADDRESSES, USER_ID.eq(ADDRESS_USER_ID)).where(EMAIL.isNull());
            if (dialect(db).equals("mariadb") || dialect(db).equals("h2")) {
                assertThatThrownBy(() -> conn.execute(s)).isInstanceOf(CompileException.class).hasMessageContaining("FULL OUTER JOIN");
                return;
            }
            assertThat(conn.execute(s).all()).extracting(r -> r.get(0)).containsExactlyInAnyOrder("squidward", "ehkrabs");
        }
    }

    @BackendTest
    void selectForUpdateLocksOrIsOmitted(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.eq(1)).forUpdate()))).containsExactly("spongebob");
            if (!dialect(db).equals("h2")) {
                assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.eq(2)).forUpdate(ForUpdate.DEFAULT.read()))))
                        .containsExactly("sandy");
            }
            conn.commit();
        }
    }

    @BackendTest
    void dataModifyingCteOnPostgresql(TestDatabase db) {
        db.require(dialect(db).equals("postgresql"), "data-modifying CTEs are PostgreSQL's");
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Cte gone = delete(ADDRESSES).where(ADDRESS_USER_ID.eq(2)).returning(ADDRESS_ID, EMAIL).cte("gone");
            assertThat(names(conn.execute(select(gone.c("email_address")).orderBy(gone.c("email_address")))))
                    .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
            assertThat(((Number) conn.execute(select(func.count()).selectFrom(ADDRESSES)).scalar()).intValue()).isEqualTo(2);
        }
    }

    @BackendTest
    void literalBindsSqlRunsAndEscapesQuotes(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            conn.execute(insert(USERS).values(Map.of("name", "o'brien", "fullname", "back\\slash")));
            String sql = select(USER_NAME).where(USER_NAME.eq("o'brien"), FULLNAME.eq("back\\slash")).compile(db.dialect(), true).sql();
            assertThat(names(conn.execute(text(sql)))).containsExactly("o'brien");
        }
    }
}
