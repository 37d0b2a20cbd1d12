package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** The common constructs, executed on every backend and checked by the rows they return. */
class CoreExecutionTest {

    private static List<String> names(Result r) {
        return r.scalars(String.class).all();
    }

    private static int asInt(Object o) {
        return ((Number) o).intValue();
    }

    @BackendTest
    void insertSelectUpdateDelete(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.gt(3)).orderBy(USER_ID))))
                    .containsExactly("squidward", "ehkrabs");
            Result ins = conn.execute(insert(USERS).values(Map.of("name", "gary", "fullname", "Gary the Snail")));
            assertThat(ins.rowcount()).isEqualTo(1);
            Result upd = conn.execute(update(USERS).set(Map.of("fullname", "Patrick Star Jr")).where(USER_NAME.eq("patrick")));
            assertThat(upd.rowcount()).isEqualTo(1);
            assertThat(conn.execute(select(FULLNAME).where(USER_NAME.eq("patrick"))).scalar()).isEqualTo("Patrick Star Jr");
            Result del = conn.execute(delete(USERS).where(USER_NAME.in("gary", "nobody")));
            assertThat(del.rowcount()).isEqualTo(1);
            Row row = conn.execute(select(USER_ID, USER_NAME, FULLNAME).where(USER_NAME.eq("sandy"))).one();
            assertThat(row.getByColumn(USER_NAME)).isEqualTo("sandy");
            assertThat(row.get("fullname")).isEqualTo("Sandy Cheeks");
            assertThat(asInt(row.getByColumn(USER_ID))).isEqualTo(2);
        }
    }

    @BackendTest
    void executemanyInsertTakesColumnsFromTheFirstMapAndUpdateTakesSetFromKeys(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            conn.execute(update(USERS).where(USER_NAME.eq(bindparam("oldname"))), List.of(
                    Map.of("oldname", "sandy", "fullname", "S. Cheeks"),
                    Map.of("oldname", "patrick", "fullname", "P. Star")));
            assertThat(names(conn.execute(select(FULLNAME).where(USER_NAME.in("sandy", "patrick")).orderBy(USER_NAME))))
                    .containsExactly("P. Star", "S. Cheeks");
            conn.execute(delete(ADDRESSES).where(EMAIL.eq(bindparam("e"))), List.of(Map.of("e", "sandy@sqlalchemy.org"),
                    Map.of("e", "pat_50%@x.org")));
            assertThat(asInt(conn.execute(select(func.count()).selectFrom(ADDRESSES)).scalar())).isEqualTo(2);
        }
    }

    @BackendTest
    void joinsGroupingAndOrdering(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            List<Row> rows = conn.execute(select(USER_NAME, func.count(ADDRESS_ID).label("n")).outerjoin(ADDRESSES)
                    .groupBy(USER_NAME).having(func.count(ADDRESS_ID).ge(1L)).orderBy(func.count(ADDRESS_ID).desc(), USER_NAME)).all();
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("sandy", "patrick", "spongebob");
            assertThat(asInt(rows.get(0).get("n"))).isEqualTo(2);
            Label<Long> n = func.count().label("n");
            assertThat(names(conn.execute(select(USER_NAME).join(ADDRESSES).where(EMAIL.like("%sqlalchemy%")).distinct()
                    .orderBy(USER_NAME)))).containsExactly("sandy", "spongebob");
            Row top = conn.execute(select(ADDRESS_USER_ID, n).groupBy(ADDRESS_USER_ID).orderBy(n.desc()).limit(1)).one();
            assertThat(asInt(top.get(0))).isEqualTo(2);
            TableAlias a1 = ADDRESSES.alias("a1");
            TableAlias a2 = ADDRESSES.alias("a2");
            assertThat(names(conn.execute(select(USER_NAME).join(a1).join(a2)
                    .where(a1.c("email_address").lt(a2.c("email_address")))))).containsExactly("sandy");
        }
    }

    @BackendTest
    void subqueriesCorrelatedAndNot(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            assertThat(names(conn.execute(select(USER_NAME).where(exists(select(ADDRESS_ID).where(ADDRESS_USER_ID.eq(USER_ID))).not())
                    .orderBy(USER_NAME)))).containsExactly("ehkrabs", "squidward");
            List<Row> counts = conn.execute(select(USER_NAME, select(func.count()).selectFrom(ADDRESSES)
                    .where(ADDRESS_USER_ID.eq(USER_ID)).scalarSubquery().label("n")).orderBy(USER_ID)).all();
            assertThat(counts).extracting(r -> asInt(r.get("n"))).containsExactly(1, 2, 1, 0, 0);
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.in(select(ADDRESS_USER_ID).where(EMAIL.like("sandy%"))))))).containsExactly("sandy");
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.notIn(select(ADDRESS_USER_ID))).orderBy(USER_ID))))
                    .containsExactly("squidward", "ehkrabs");
            Subquery sq = select(ADDRESS_USER_ID, func.count().label("cnt")).groupBy(ADDRESS_USER_ID).subquery("c");
            assertThat(names(conn.execute(select(USER_NAME).join(sq, USER_ID.eq(sq.c("user_id"))).where(sq.c("cnt").gt(1)))))
                    .containsExactly("sandy");
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.eq(select(func.max(ADDRESS_USER_ID)).scalarSubquery())))))
                    .containsExactly("patrick");
            conn.execute(update(USERS).set(FULLNAME, select(func.min(EMAIL)).where(ADDRESS_USER_ID.eq(USER_ID)).scalarSubquery())
                    .where(USER_ID.eq(2)));
            assertThat(conn.execute(select(FULLNAME).where(USER_ID.eq(2))).scalar()).isEqualTo("sandy@sqlalchemy.org");
        }
    }

    @BackendTest
    void inListsOfAnyLengthShareOneCompiledStatement(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            long misses = db.engine().compiledCache().misses();
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.in(1, 3)).orderBy(USER_ID)))).containsExactly("spongebob", "patrick");
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.in(List.of(2, 4, 5))).orderBy(USER_ID))))
                    .containsExactly("sandy", "squidward", "ehkrabs");
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.in(List.of())).orderBy(USER_ID)))).isEmpty();
            assertThat(db.engine().compiledCache().misses()).isEqualTo(misses + 1);
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.notIn(List.of())).orderBy(USER_ID)))).hasSize(5);
            assertThat(names(conn.execute(select(USER_NAME).where(inParam(USER_ID, "ids")).orderBy(USER_ID), Map.of("ids", List.of(5, 1)))))
                    .containsExactly("spongebob", "ehkrabs");
        }
    }

    @BackendTest
    void pagingAndNullOrdering(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            assertThat(names(conn.execute(select(USER_NAME).orderBy(USER_ID).limit(2).offset(1)))).containsExactly("sandy", "patrick");
            assertThat(names(conn.execute(select(USER_NAME).orderBy(USER_ID).offset(3)))).containsExactly("squidward", "ehkrabs");
            assertThat(names(conn.execute(select(FULLNAME).orderBy(FULLNAME.asc().nullsFirst()).limit(2))))
                    .containsExactly(null, "Eugene H. Krabs");
            assertThat(names(conn.execute(select(FULLNAME).orderBy(FULLNAME.desc().nullsLast())))).last().isNull();
            assertThat(names(conn.execute(select(FULLNAME).orderBy(FULLNAME.asc().nullsLast())))).first().isEqualTo("Eugene H. Krabs");
            if (db.dialect().name().equals("postgresql") || db.dialect().name().equals("h2")) {
                assertThat(conn.execute(select(ADDRESS_ID).orderBy(ADDRESS_USER_ID.desc()).fetchWithTies(2)).all()).hasSize(3);
            }
        }
    }

    @BackendTest
    void recursiveCte(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Cte included = select(SUB_PART, PART, QUANTITY).where(PART.eq("car")).cte("included_parts", true);
            Cte full = included.unionAll(select(SUB_PART, PART, QUANTITY).where(PART.eq(included.c("sub_part"))));
            List<String> subParts = names(conn.execute(select(full.c("sub_part")).orderBy(full.c("sub_part"))));
            assertThat(subParts).containsExactly("bolt", "engine", "piston", "ring", "wheel");
            Cte plain = select(USER_ID, USER_NAME).where(USER_ID.le(3)).cte("firsts");
            Select fromCte = select(plain.c("name")).where(plain.c("id").ge(2)).orderBy(plain.c("id"));
            assertThat(fromCte.compile(db.dialect()).positionalNames()).containsExactly("id_1", "id_2");
            assertThat(names(conn.execute(fromCte))).containsExactly("sandy", "patrick");
        }
    }

    @BackendTest
    void windowFunctions(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            List<Row> rows = conn.execute(select(PART, SUB_PART,
                    func.rowNumber().over().partitionBy(PART).orderBy(SUB_PART).label("rn"),
                    func.sum(QUANTITY).over().orderBy(SUB_PART).rows(null, 0).label("running"))
                    .orderBy(SUB_PART)).all();
            assertThat(rows).extracting(r -> r.get("sub_part")).containsExactly("bolt", "engine", "piston", "ring", "wheel");
            assertThat(rows).extracting(r -> asInt(r.get("running"))).containsExactly(5, 6, 12, 15, 19);
            assertThat(rows).extracting(r -> asInt(r.get("rn"))).containsExactly(1, 1, 1, 1, 2);
        }
    }

    @BackendTest
    void setOperations(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            assertThat(names(conn.execute(select(PART).union(select(SUB_PART)).orderBy(PART)))).containsExactly(
                    "bolt", "car", "engine", "piston", "ring", "wheel");
            assertThat(names(conn.execute(select(PART).unionAll(select(SUB_PART)).orderBy(PART).limit(3)))).containsExactly(
                    "bolt", "car", "car");
            assertThat(names(conn.execute(select(PART).intersect(select(SUB_PART)).orderBy(PART)))).containsExactly(
                    "engine", "piston", "wheel");
            assertThat(names(conn.execute(select(SUB_PART).except(select(PART)).orderBy(SUB_PART)))).containsExactly("bolt", "ring");
            assertThat(names(conn.execute(select(PART).where(PART.eq("car")).limit(1)
                    .union(select(SUB_PART).orderBy(SUB_PART).limit(1))))).containsExactlyInAnyOrder("car", "bolt");
        }
    }

    @BackendTest
    void operatorsAndFunctions(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            assertThat(names(conn.execute(select(EMAIL).where(EMAIL.contains("_50%"))))).containsExactly("pat_50%@x.org");
            assertThat(names(conn.execute(select(EMAIL).where(EMAIL.startsWith("sandy@")).orderBy(EMAIL))))
                    .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
            assertThat(names(conn.execute(select(USER_NAME).where(USER_NAME.ilike("SP%"))))).containsExactly("spongebob");
            assertThat(names(conn.execute(select(USER_NAME).where(USER_ID.between(2, 3), USER_NAME.notLike("p%"))))).containsExactly("sandy");
            assertThat(names(conn.execute(select(func.coalesce(FULLNAME, "(none)")).where(USER_ID.eq(4))))).containsExactly("(none)");
            assertThat(names(conn.execute(select(USER_NAME.concat("!").concat(USER_NAME)).where(USER_ID.eq(1))))).containsExactly("spongebob!spongebob");
            assertThat(names(conn.execute(select(case_(USER_ID.lt(3), "low").otherwise("high")).orderBy(USER_ID))))
                    .containsExactly("low", "low", "high", "high", "high");
            assertThat(names(conn.execute(select(func.upper(USER_NAME)).where(FULLNAME.isNull())))).containsExactly("SQUIDWARD");
            assertThat(asInt(conn.execute(select(USER_ID.plus(1).times(2).minus(USER_ID.minus(1))).where(USER_ID.eq(3))).scalar()))
                    .isEqualTo(6);
            assertThat(names(conn.execute(select(USER_NAME).where(FULLNAME.isDistinctFrom("Sandy Cheeks")).orderBy(USER_ID))))
                    .containsExactly("spongebob", "patrick", "squidward", "ehkrabs");
            assertThat(names(conn.execute(select(USER_NAME).where(FULLNAME.isNotDistinctFrom(null_()))))).containsExactly("squidward");
            assertThat(asInt(conn.execute(select(func.length(USER_NAME)).where(USER_ID.eq(1))).scalar())).isEqualTo(9);
            assertThat(asInt(conn.execute(select(USER_ID.bitwiseAnd(6).bitwiseOr(1)).where(USER_ID.eq(5))).scalar())).isEqualTo(5);
            assertThat(asInt(conn.execute(select(func.count().filter(USER_ID.gt(2))).selectFrom(USERS)).scalar()))
                    .isEqualTo(3);
            assertThat(asInt(conn.execute(select(func.count()).selectFrom(USERS).where(tuple(USER_ID, USER_NAME).eq(tuple(2, "sandy")))).scalar()))
                    .isEqualTo(1);
            assertThat(names(conn.execute(select(USER_NAME).where(tuple(USER_ID, USER_NAME).in(tuple(2, "sandy"), tuple(3, "nobody"),
                    tuple(5, "ehkrabs"))).orderBy(USER_ID)))).containsExactly("sandy", "ehkrabs");
        }
    }

    @BackendTest
    void extractDateParts(TestDatabase db) {
        TableClause events = TableClause.of("events", "id", "happened");
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, happened DATE)"));
            conn.execute(text("INSERT INTO events (id, happened) VALUES (1, '2024-03-05'), (2, '2023-12-31')"));
            List<Row> rows = conn.execute(select(extract("year", events.c("happened")).label("y"),
                    extract("month", events.c("happened")).label("m"), extract("day", events.c("happened")).label("d"))
                    .orderBy(events.c("id"))).all();
            assertThat(rows).extracting(r -> asInt(r.get("y")) + "-" + asInt(r.get("m")) + "-" + asInt(r.get("d")))
                    .containsExactly("2024-3-5", "2023-12-31");
        }
    }

    @BackendTest
    void insertWithoutValuesExecutedWithOneMapUsesItsKeys(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            assertThat(conn.execute(insert(USERS), Map.of("name", "gary")).rowcount()).isEqualTo(1);
            assertThat(conn.execute(select(FULLNAME).where(USER_NAME.eq("gary"))).all()).hasSize(1);
        }
    }
}
