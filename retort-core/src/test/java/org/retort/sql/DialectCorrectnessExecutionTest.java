package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;
import static org.retort.types.Types.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Issue 11's "wrong results" cases, run on every backend: each statement runs and returns the right values. */
class DialectCorrectnessExecutionTest {

    private static BigDecimal decimal(Object v) {
        return new BigDecimal(v.toString());
    }

    @BackendTest
    void castToParameterisedTypesReadsBackTheRightValue(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            Row row = conn.execute(select(
                    cast(NAME, VARCHAR(3)).label("short"),
                    cast(PRICE, NUMERIC(10, 1)).label("one_place"),
                    cast(MS, VARCHAR(20)).label("text"),
                    cast(literal("42"), INTEGER).label("int"),
                    cast(literal("2.5"), DOUBLE).label("dbl"),
                    cast(PRICE, TEXT).label("price_text")).where(ID.eq(3))).one();
            if (!db.isSqlite()) {
                // SQLite's CAST keeps every character and digit: its types have no length or scale
                assertThat(row.get("short")).isEqualTo("  O");
                assertThat(decimal(row.get("one_place"))).isEqualByComparingTo("40.0");
            }
            assertThat(row.get("text")).isEqualTo("60000");
            assertThat(((Number) row.get("int")).intValue()).isEqualTo(42);
            assertThat(((Number) row.get("dbl")).doubleValue()).isEqualTo(2.5);
            assertThat(decimal(row.get("price_text"))).isEqualByComparingTo("39.99");
        }
    }

    @BackendTest
    void divisionIsTrueDivisionAndFloorDivisionIsInteger(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            Row sums = conn.execute(select(
                    func.sum(MS).div(60000.0).label("minutes"),
                    func.sum(MS).div(literal(60000.0, DOUBLE)).label("minutes2"))).one();
            assertThat(((Number) sums.get("minutes")).doubleValue()).isCloseTo(2580607 / 60000.0, within(1e-9));
            assertThat(((Number) sums.get("minutes2")).doubleValue()).isCloseTo(2580607 / 60000.0, within(1e-9));
            Row row = conn.execute(select(
                    MS.div(ID).label("exact"),
                    MS.floorDiv(ID).label("floor"),
                    MS.mod(ID).label("rest"),
                    MS.plus(0.5).label("half")).where(ID.eq(2))).one();
            assertThat(decimal(row.get("exact"))).isEqualByComparingTo("3.5");
            assertThat(((Number) row.get("floor")).intValue()).isEqualTo(3);
            assertThat(((Number) row.get("rest")).intValue()).isEqualTo(1);
            assertThat(((Number) row.get("half")).doubleValue()).isEqualTo(7.5);
            assertThat(decimal(conn.execute(select(PRICE.floorDiv(ID)).where(ID.eq(3))).scalar())).isEqualByComparingTo("13");
        }
    }

    @BackendTest
    void decimalsCompareAsNumbersOutsideTheirColumn(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            assertThat(conn.execute(select(COMPOSER, func.sum(PRICE).label("total")).groupBy(COMPOSER)
                    .having(func.sum(PRICE).gt(new BigDecimal(40))).orderBy(COMPOSER)).scalars(String.class).all()).containsExactly("Ann");
            assertThat(conn.execute(select(ID).where(PRICE.plus(0).gt(new BigDecimal("0.5"))).orderBy(ID))
                    .scalars(Integer.class).all()).containsExactly(1, 2, 3);
            assertThat(conn.execute(select(ID).where(PRICE.eq(new BigDecimal("1.490")))).scalars(Integer.class).all())
                    .containsExactly(2);
        }
    }

    @BackendTest
    void emptyInListsWorkOnEveryType(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            assertThat(conn.execute(select(ID).where(COMPOSER.notIn(List.of())).orderBy(ID)).scalars(Integer.class).all())
                    .containsExactly(1, 2, 3, 4);
            assertThat(conn.execute(select(ID).where(ID.in(List.of()))).all()).isEmpty();
            assertThat(conn.execute(select(ID).where(PRICE.notIn(List.of()), ID.lt(3)).orderBy(ID)).scalars(Integer.class).all())
                    .containsExactly(1, 2);
        }
    }

    @BackendTest
    void functionsWithPerDialectNamesRun(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            Row row = conn.execute(select(
                    func.charLength(NAME).label("len"),
                    func.call("char_length", NAME).label("len2"),
                    func.round(RATIO, 1).label("r1"),
                    func.round(PRICE).label("r0"),
                    func.nullif(COMPOSER, "Ann").label("nn"),
                    func.substr(NAME, 3).label("s1"),
                    func.substr(NAME, 3, 3).label("s2"),
                    func.replace(NAME, "O", "0").label("rep"),
                    func.trim(NAME).label("tr")).where(ID.eq(3))).one();
            assertThat(((Number) row.get("len")).intValue()).isEqualTo(8);
            assertThat(((Number) row.get("len2")).intValue()).isEqualTo(8);
            assertThat(((Number) row.get("r1")).doubleValue()).isEqualTo(0.1);
            assertThat(decimal(row.get("r0"))).isEqualByComparingTo("40");
            assertThat(row.get("nn")).isNull();
            assertThat(row.get("s1")).isEqualTo("Outro ");
            assertThat(row.get("s2")).isEqualTo("Out");
            assertThat(row.get("rep")).isEqualTo("  0utro ");
            assertThat(row.get("tr")).isEqualTo("Outro");
            assertThat(conn.execute(select(func.now().label("t"))).scalar()).isNotNull();
        }
    }

    @BackendTest
    void forUpdateOfLocksTheNamedTables(TestDatabase db) {
        String name = db.dialect().name();
        db.require(name.equals("postgresql"), "FOR UPDATE OF runs on PostgreSQL and MySQL 8 (MariaDB and H2 refuse it at compile time)");
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            TableAlias t2 = TRACK.alias("t2");
            List<Row> rows = conn.execute(select(ID, t2.c("id")).join(t2, t2.c("id").eq(ID.plus(1)))
                    .forUpdate(ForUpdate.DEFAULT.of(NAME, t2).nowait()).orderBy(ID)).all();
            assertThat(rows).hasSize(3);
            conn.rollback();
        }
    }

    @BackendTest
    void keyShareLocksRunOnPostgresql(TestDatabase db) {
        db.require(db.dialect().name().equals("postgresql"), "FOR NO KEY UPDATE / FOR KEY SHARE are PostgreSQL's");
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            assertThat(conn.execute(select(ID).where(ID.eq(1)).forUpdate(ForUpdate.DEFAULT.keyShare())).all()).hasSize(1);
            assertThat(conn.execute(select(ID).where(ID.eq(1)).forUpdate(ForUpdate.DEFAULT.read().keyShare().nowait())).all()).hasSize(1);
            conn.rollback();
        }
    }

    @BackendTest
    void groupsFramesCountPeerGroups(TestDatabase db) {
        String name = db.dialect().name();
        db.require(!name.equals("mariadb") && !name.equals("mysql"), "MySQL and MariaDB have no GROUPS frames (refused at compile time)");
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            // composers ordered: Ann, Ann, Bob, NULL; a frame of the previous group and this one
            Over<Long> n = func.count().over().orderBy(COMPOSER.asc().nullsLast()).groups(-1, 0);
            List<Row> rows = conn.execute(select(ID, n.label("n")).orderBy(ID)).all();
            assertThat(rows).extracting(r -> ((Number) r.get("n")).intValue()).containsExactly(2, 3, 2, 2);
        }
    }

    @BackendTest
    void distinctOnWithAccumulatedExpressions(TestDatabase db) {
        db.require(db.dialect().name().equals("postgresql"), "DISTINCT ON is PostgreSQL's");
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            assertThat(conn.execute(select(COMPOSER, ID).distinctOn(COMPOSER).orderBy(COMPOSER, ID.desc()))
                    .all()).extracting(r -> ((Number) r.get("id")).intValue()).containsExactly(3, 2, 4);
        }
    }

    @BackendTest
    void aListBoundInTextExpands(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            TextClause q = text("SELECT id FROM rt_track WHERE id IN :ids AND composer IN (:names) ORDER BY id");
            assertThat(conn.execute(q, Map.of("ids", List.of(1, 2, 3), "names", List.of("Ann", "Zed")))
                    .scalars(Object.class).all()).extracting(o -> ((Number) o).intValue()).containsExactly(1, 3);
            assertThat(conn.execute(q, Map.of("ids", List.of(), "names", List.of("Ann"))).all()).isEmpty();
        }
    }
}
