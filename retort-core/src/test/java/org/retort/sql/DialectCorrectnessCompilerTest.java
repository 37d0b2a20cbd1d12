package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Golden.sql;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;
import static org.retort.types.Types.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retort.dialect.Dialect;
import org.retort.exc.CompileException;
import org.retort.types.DoubleType;
import org.retort.types.IntegerType;
import org.retort.types.NumericType;

/**
 * Issue 11's "wrong SQL" cases, dialect by dialect: CAST targets with their parameters, arithmetic types and
 * true/floor division, typed empty IN lists, functions with per-dialect names, FOR UPDATE OF, accumulating
 * DISTINCT ON and expanding lists in text().
 */
class DialectCorrectnessCompilerTest {
    private static final String FROM = " FROM rt_track";

    static Stream<Arguments> casts() {
        return Stream.of(
            sql("cast keeps VARCHAR's length", PG, () -> select(cast(ID, VARCHAR(200))), "SELECT CAST(rt_track.id AS VARCHAR(200)) AS anon_1" + FROM),
            sql("cast keeps NUMERIC's precision and scale", PG, () -> select(cast(PRICE, NUMERIC(10, 1))), "SELECT CAST(rt_track.unit_price AS NUMERIC(10, 1)) AS anon_1" + FROM),
            sql("SQLite casts to the DDL spelling", SQLITE, () -> select(cast(PRICE, NUMERIC(10, 1))), "SELECT CAST(rt_track.unit_price AS NUMERIC(10, 1)) AS anon_1" + FROM),
            sql("H2 casts to VARCHAR(n)", H2, () -> select(cast(ID, VARCHAR(200))), "SELECT CAST(rt_track.id AS VARCHAR(200)) AS anon_1" + FROM),
            sql("MySQL casts strings to CHAR(n)", MYSQL, () -> select(cast(ID, VARCHAR(200))), "SELECT CAST(rt_track.id AS CHAR(200)) AS anon_1" + FROM),
            sql("MySQL casts TEXT to CHAR", MARIADB, () -> select(cast(ID, TEXT)), "SELECT CAST(rt_track.id AS CHAR) AS anon_1" + FROM),
            sql("MySQL casts decimals to DECIMAL(p, s)", MYSQL, () -> select(cast(PRICE, NUMERIC(10, 1))), "SELECT CAST(rt_track.unit_price AS DECIMAL(10, 1)) AS anon_1" + FROM),
            sql("MySQL casts integers to SIGNED INTEGER", MARIADB, () -> select(cast(NAME, INTEGER)), "SELECT CAST(rt_track.name AS SIGNED INTEGER) AS anon_1" + FROM),
            sql("MySQL casts floats to DOUBLE", MYSQL, () -> select(cast(NAME, DOUBLE)), "SELECT CAST(rt_track.name AS DOUBLE) AS anon_1" + FROM),
            sql("MySQL casts dates and times to their DDL type", MYSQL, () -> select(cast(NAME, DATETIME)), "SELECT CAST(rt_track.name AS DATETIME(6)) AS anon_1" + FROM),
            sql("SQL Server keeps the length", MSSQL, () -> select(cast(ID, VARCHAR(200))), "SELECT CAST(rt_track.id AS VARCHAR(200)) AS anon_1" + FROM),
            sql("SQL Server casts a VARCHAR without length to VARCHAR(max), not VARCHAR(30)", MSSQL, () -> select(cast(ID, VARCHAR)), "SELECT CAST(rt_track.id AS VARCHAR(max)) AS anon_1" + FROM),
            sql("SQL Server casts booleans to BIT", MSSQL, () -> select(cast(ID, BOOLEAN)), "SELECT CAST(rt_track.id AS BIT) AS anon_1" + FROM),
            sql("Oracle casts to VARCHAR2(n CHAR)", ORACLE, () -> select(cast(ID, VARCHAR(200))), "SELECT CAST(rt_track.id AS VARCHAR2(200 CHAR)) AS anon_1" + FROM),
            sql("Oracle casts TEXT to CLOB", ORACLE, () -> select(cast(ID, TEXT)), "SELECT CAST(rt_track.id AS CLOB) AS anon_1" + FROM),
            sql("Oracle casts BIGINT to NUMBER(19)", ORACLE, () -> select(cast(NAME, BIGINT)), "SELECT CAST(rt_track.name AS NUMBER(19)) AS anon_1" + FROM)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casts")
    void castTargets(Golden golden) {
        golden.check();
    }

    @Test
    void castsADialectCannotDoFailAtCompileTime() {
        assertThatThrownBy(() -> select(cast(ID, BOOLEAN)).compile(MYSQL)).isInstanceOf(CompileException.class)
                .hasMessageContaining("BOOLEAN").hasMessageContaining("ne(0)");
        assertThatThrownBy(() -> select(cast(ID, VARCHAR)).compile(ORACLE)).isInstanceOf(CompileException.class)
                .hasMessageContaining("needs a length");
        assertThatThrownBy(() -> select(cast(ID, INET)).compile(SQLITE)).isInstanceOf(CompileException.class)
                .hasMessageContaining("INET");
    }

    static Stream<Arguments> arithmetic() {
        return Stream.of(
            sql("true division of integers casts the divisor on PostgreSQL", PG, () -> select(MS.div(ID)),
                "SELECT rt_track.milliseconds / CAST(rt_track.id AS NUMERIC) AS anon_1" + FROM),
            sql("true division of integers adds 0.0 on SQLite", SQLITE, () -> select(MS.div(ID)),
                "SELECT rt_track.milliseconds / (rt_track.id + 0.0) AS anon_1" + FROM),
            sql("true division of integers casts on H2", H2, () -> select(MS.div(2)),
                "SELECT rt_track.milliseconds / CAST(? AS NUMERIC) AS anon_1" + FROM),
            sql("true division of integers casts on SQL Server", MSSQL, () -> select(MS.div(2)),
                "SELECT rt_track.milliseconds / CAST(? AS NUMERIC) AS anon_1" + FROM),
            sql("MySQL divides exactly already", MYSQL, () -> select(MS.div(ID)),
                "SELECT rt_track.milliseconds / rt_track.id AS anon_1" + FROM),
            sql("Oracle divides exactly already", ORACLE, () -> select(MS.div(ID)),
                "SELECT rt_track.milliseconds / rt_track.id AS anon_1" + FROM),
            sql("a float literal keeps its type and needs no cast", PG, () -> select(func.sum(MS).div(60000.0)),
                "SELECT sum(rt_track.milliseconds) / ? AS anon_1" + FROM, Map.of("param_1", 60000.0)),
            sql("a decimal divisor needs no cast", PG, () -> select(MS.div(PRICE)),
                "SELECT rt_track.milliseconds / rt_track.unit_price AS anon_1" + FROM),
            sql("floor division of integers is / where it truncates", PG, () -> select(MS.floorDiv(ID)),
                "SELECT rt_track.milliseconds / rt_track.id AS anon_1" + FROM),
            sql("floor division on MySQL is DIV", MARIADB, () -> select(MS.floorDiv(ID)),
                "SELECT rt_track.milliseconds DIV rt_track.id AS anon_1" + FROM),
            sql("floor division on Oracle is FLOOR(a / b)", ORACLE, () -> select(MS.floorDiv(ID)),
                "SELECT FLOOR(rt_track.milliseconds / rt_track.id) AS anon_1" + FROM),
            sql("floor division of decimals is FLOOR(a / b)", PG, () -> select(PRICE.floorDiv(ID)),
                "SELECT FLOOR(rt_track.unit_price / rt_track.id) AS anon_1" + FROM),
            sql("Oracle has no %: MOD(a, b)", ORACLE, () -> select(MS.mod(ID)),
                "SELECT MOD(rt_track.milliseconds, rt_track.id) AS anon_1" + FROM),
            sql("a decimal literal beside an integer is bound as a decimal", PG, () -> select(MS.plus(new java.math.BigDecimal("0.5"))),
                "SELECT rt_track.milliseconds + ? AS anon_1" + FROM, Map.of("milliseconds_1", new java.math.BigDecimal("0.5")))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arithmetic")
    void divisionAndArithmetic(Golden golden) {
        golden.check();
    }

    @Test
    void resultTypesComeFromBothOperands() {
        assertThat(MS.div(2).type()).isInstanceOf(NumericType.class);
        assertThat(MS.div(2.0).type()).isInstanceOf(DoubleType.class);
        assertThat(MS.floorDiv(2).type()).isInstanceOf(IntegerType.class);
        assertThat(MS.plus(0.5).type()).isInstanceOf(DoubleType.class);
        assertThat(MS.times(PRICE).type()).isInstanceOf(NumericType.class);
        assertThat(PRICE.plus(1).type()).isInstanceOf(NumericType.class);
        assertThat(MS.plus(1).type()).isInstanceOf(IntegerType.class);
        assertThat(func.sum(MS).div(literal(60000.0, DOUBLE)).type()).isInstanceOf(DoubleType.class);
        assertThatThrownBy(() -> MS.plus("x")).hasMessageContaining("java.lang.String");
    }

    private static String bound(Statement stmt, Dialect dialect) {
        Compiled c = stmt.compile(dialect);
        return c.bind(stmt.boundValues(), Map.of()).sql();
    }

    @Test
    void anEmptyInListIsTypedToItsColumnOnPostgresql() {
        assertThat(bound(select(ID).where(COMPOSER.notIn(List.of())), PG))
                .isEqualTo("SELECT rt_track.id FROM rt_track WHERE rt_track.composer NOT IN (SELECT CAST(NULL AS VARCHAR(50)) WHERE 1!=1)");
        assertThat(bound(select(ID).where(ID.in(List.of())), PG))
                .isEqualTo("SELECT rt_track.id FROM rt_track WHERE rt_track.id IN (SELECT CAST(NULL AS INTEGER) WHERE 1!=1)");
        assertThat(bound(select(ID).where(COMPOSER.notIn(List.of())), MYSQL))
                .isEqualTo("SELECT rt_track.id FROM rt_track WHERE rt_track.composer NOT IN (SELECT 1 FROM DUAL WHERE 1!=1)");
    }

    static Stream<Arguments> functions() {
        return Stream.of(
            sql("char_length", PG, () -> select(func.charLength(NAME)), "SELECT char_length(rt_track.name) AS char_length_1" + FROM),
            sql("char_length is length on SQLite", SQLITE, () -> select(func.charLength(NAME)), "SELECT length(rt_track.name) AS char_length_1" + FROM),
            sql("func.call char_length on SQLite too", SQLITE, () -> select(func.call("char_length", NAME)), "SELECT length(rt_track.name) AS char_length_1" + FROM),
            sql("char_length is LEN on SQL Server", MSSQL, () -> select(func.charLength(NAME)), "SELECT LEN(rt_track.name) AS char_length_1" + FROM),
            sql("char_length is LENGTH on Oracle", ORACLE, () -> select(func.charLength(NAME)), "SELECT LENGTH(rt_track.name) AS char_length_1" + FROM),
            sql("round of a double casts to NUMERIC on PostgreSQL", PG, () -> select(func.round(RATIO, 1)), "SELECT round(CAST(rt_track.ratio AS NUMERIC), ?) AS round_1" + FROM),
            sql("round of a decimal needs no cast", PG, () -> select(func.round(PRICE, 1)), "SELECT round(rt_track.unit_price, ?) AS round_1" + FROM),
            sql("round with no places on SQL Server", MSSQL, () -> select(func.round(PRICE)), "SELECT ROUND(rt_track.unit_price, 0) AS round_1" + FROM),
            sql("nullif binds typed like its column", PG, () -> select(func.nullif(COMPOSER, "Ann")), "SELECT nullif(rt_track.composer, ?) AS nullif_1" + FROM,
                Map.of("composer_1", "Ann")),
            sql("substr", MYSQL, () -> select(func.substr(NAME, 2, 3)), "SELECT substr(rt_track.name, ?, ?) AS substr_1" + FROM),
            sql("substr is SUBSTRING on SQL Server, which needs a length", MSSQL, () -> select(func.substr(NAME, 2)),
                "SELECT SUBSTRING(rt_track.name, ?, 2147483647) AS substr_1" + FROM),
            sql("replace and trim", ORACLE, () -> select(func.trim(func.replace(NAME, "o", "0"))), "SELECT trim(replace(rt_track.name, ?, ?)) AS trim_1" + FROM),
            sql("now is CURRENT_TIMESTAMP on SQLite", SQLITE, () -> select(func.now()), "SELECT CURRENT_TIMESTAMP AS now_1"),
            sql("now on PostgreSQL", PG, () -> select(func.now()), "SELECT now() AS now_1")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void perDialectFunctions(Golden golden) {
        golden.check();
    }

    static Stream<Arguments> locking() {
        return Stream.of(
            sql("FOR UPDATE OF names tables on PostgreSQL", PG, () -> select(ID, NAME).forUpdate(ForUpdate.DEFAULT.of(ID, NAME)),
                "SELECT rt_track.id, rt_track.name FROM rt_track FOR UPDATE OF rt_track"),
            sql("FOR UPDATE OF a schema table is unqualified", PG, () -> select(AMOUNT).forUpdate(ForUpdate.DEFAULT.of(AMOUNT)),
                "SELECT sales.orders.amount FROM sales.orders FOR UPDATE OF orders"),
            sql("FOR SHARE OF an alias and a table", PG, () -> {
                TableAlias u = USERS.alias("u");
                return select(u.c("id"), EMAIL).where(u.c("id").eq(ADDRESS_USER_ID))
                        .forUpdate(ForUpdate.DEFAULT.read().of(u.c("id"), ADDRESSES).nowait());
            }, "SELECT u.id, address.email_address FROM user_account AS u, address WHERE u.id = address.user_id FOR SHARE OF u, address NOWAIT"),
            sql("MySQL 8 names tables", MYSQL, () -> select(ID).forUpdate(ForUpdate.DEFAULT.of(ID, NAME).skipLocked()),
                "SELECT rt_track.id FROM rt_track FOR UPDATE OF rt_track SKIP LOCKED"),
            sql("Oracle names columns", ORACLE, () -> select(ID).forUpdate(ForUpdate.DEFAULT.of(NAME)),
                "SELECT rt_track.id FROM rt_track FOR UPDATE OF rt_track.name"),
            sql("Oracle locks a table through its first column", ORACLE, () -> select(ID).forUpdate(ForUpdate.DEFAULT.of(TRACK)),
                "SELECT rt_track.id FROM rt_track FOR UPDATE OF rt_track.id")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locking")
    void forUpdateOf(Golden golden) {
        golden.check();
    }

    @Test
    void forUpdateOfIsRefusedWhereTheDatabaseHasNone() {
        assertThatThrownBy(() -> select(ID).forUpdate(ForUpdate.DEFAULT.of(TRACK)).compile(MARIADB))
                .isInstanceOf(CompileException.class).hasMessageContaining("FOR UPDATE OF");
        assertThatThrownBy(() -> select(ID).forUpdate(ForUpdate.DEFAULT.of(TRACK)).compile(H2))
                .isInstanceOf(CompileException.class).hasMessageContaining("FOR UPDATE OF");
        assertThatThrownBy(() -> select(ID).forUpdate(ForUpdate.DEFAULT.of("rt_track")).compile(PG))
                .isInstanceOf(CompileException.class).hasMessageContaining("tables, aliases or their columns");
    }

    @Test
    void keyShareLocksOnPostgresqlOnly() {
        assertThat(select(ID).forUpdate(ForUpdate.DEFAULT.keyShare()).compile(PG).sql())
                .isEqualTo("SELECT rt_track.id FROM rt_track FOR NO KEY UPDATE");
        assertThat(select(ID).forUpdate(ForUpdate.DEFAULT.read().keyShare().of(TRACK).skipLocked()).compile(PG).sql())
                .isEqualTo("SELECT rt_track.id FROM rt_track FOR KEY SHARE OF rt_track SKIP LOCKED");
        assertThat(select(ID).forUpdate(ForUpdate.DEFAULT.keyShare()).compile(SQLITE).sql())
                .isEqualTo("SELECT rt_track.id FROM rt_track");
        for (Dialect d : List.of(MYSQL, MARIADB, H2, ORACLE)) {
            assertThatThrownBy(() -> select(ID).forUpdate(ForUpdate.DEFAULT.keyShare()).compile(d))
                    .as(d.name()).isInstanceOf(CompileException.class).hasMessageContaining("FOR NO KEY UPDATE");
        }
        Select plain = select(ID).forUpdate(ForUpdate.DEFAULT);
        Select keyShare = select(ID).forUpdate(ForUpdate.DEFAULT.keyShare());
        assertThat(plain.cacheKey()).isNotEqualTo(keyShare.cacheKey());
    }

    @Test
    void groupsFramesAndOrderedSetWindows() {
        Over<Long> w = func.rank().over().orderBy(PRICE).groups(-1, 0);
        assertThat(select(w.label("r")).compile(PG).sql())
                .isEqualTo("SELECT rank() OVER (ORDER BY rt_track.unit_price GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r FROM rt_track");
        assertThat(select(w.label("r")).compile(SQLITE).sql()).contains("GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW");
        assertThatThrownBy(() -> select(w.label("r")).compile(MARIADB)).isInstanceOf(CompileException.class)
                .hasMessageContaining("GROUPS");
        assertThatThrownBy(() -> select(w.label("r")).compile(MSSQL)).isInstanceOf(CompileException.class);
        Over<Object> median = func.percentileCont(0.5).withinGroup(PRICE).over().partitionBy(COMPOSER);
        assertThat(select(median.label("m")).compile(MSSQL).sql())
                .isEqualTo("SELECT percentile_cont(?) WITHIN GROUP (ORDER BY rt_track.unit_price) OVER (PARTITION BY rt_track.composer) AS m FROM rt_track");
        assertThat(select(median.label("m")).compile(ORACLE).sql())
                .isEqualTo("SELECT percentile_cont(?) WITHIN GROUP (ORDER BY rt_track.unit_price) OVER (PARTITION BY rt_track.composer) AS m FROM rt_track");
        assertThatThrownBy(() -> select(median.label("m")).compile(PG)).isInstanceOf(CompileException.class)
                .hasMessageContaining("WITHIN GROUP");
    }

    @Test
    void conditionsAsValuesBecomeCaseOnSqlServerAndOracle() {
        Select s = select(ID, MS.gt(60000).label("long_one")).orderBy(COMPOSER.isNull(), ID);
        assertThat(s.compile(MSSQL).sql()).isEqualTo("SELECT rt_track.id, CASE WHEN rt_track.milliseconds > ? THEN 1 ELSE 0 END "
                + "AS long_one FROM rt_track ORDER BY CASE WHEN rt_track.composer IS NULL THEN 1 ELSE 0 END, rt_track.id");
        assertThat(s.compile(ORACLE).sql()).isEqualTo("SELECT rt_track.id, CASE WHEN rt_track.milliseconds > ? THEN 1 ELSE 0 END "
                + "AS long_one FROM rt_track ORDER BY CASE WHEN rt_track.composer IS NULL THEN 1 ELSE 0 END, rt_track.id");
        assertThat(s.compile(PG).sql()).isEqualTo("SELECT rt_track.id, rt_track.milliseconds > ? AS long_one FROM rt_track "
                + "ORDER BY rt_track.composer IS NULL, rt_track.id");
        assertThat(select(ID).where(MS.gt(1)).compile(MSSQL).sql()).isEqualTo("SELECT rt_track.id FROM rt_track WHERE rt_track.milliseconds > ?");
    }

    @Test
    void distinctOnAccumulates() {
        assertThat(select(ID, NAME).distinctOn(COMPOSER).distinctOn(NAME).compile(PG).sql())
                .isEqualTo("SELECT DISTINCT ON (rt_track.composer, rt_track.name) rt_track.id, rt_track.name FROM rt_track");
    }

    @Test
    void aListBoundInTextExpands() {
        TextClause t = text("SELECT id FROM rt_track WHERE id IN :ids AND name IN (:names) AND id > :min");
        BoundStatement b = t.compile(PG).bind(Map.of(), Map.of("ids", List.of(1, 2, 3), "names", List.of("a", "b"), "min", 0));
        assertThat(b.sql()).isEqualTo("SELECT id FROM rt_track WHERE id IN (?, ?, ?) AND name IN (?, ?) AND id > ?");
        assertThat(Arrays.asList(b.values())).containsExactly(1, 2, 3, "a", "b", 0);
        assertThat(b.names()).containsExactly("ids", "ids", "ids", "names", "names", "min");
        BoundStatement empty = t.bindparams(Map.of("ids", List.of())).compile(PG).bind(t.bindparams(Map.of("ids", List.of())).boundValues(),
                Map.of("names", List.of("a"), "min", 0));
        assertThat(empty.sql()).isEqualTo("SELECT id FROM rt_track WHERE id IN (SELECT 1 WHERE 1!=1) AND name IN (?) AND id > ?");
        BoundStatement array = t.bindType("ids", ARRAY(INTEGER)).compile(PG)
                .bind(Map.of(), Map.of("ids", List.of(1, 2), "names", List.of("a"), "min", 0));
        assertThat(array.sql()).isEqualTo("SELECT id FROM rt_track WHERE id IN ? AND name IN (?) AND id > ?");
    }
}
