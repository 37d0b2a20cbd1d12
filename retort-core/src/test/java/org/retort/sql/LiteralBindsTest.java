package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** compile(dialect, true) renders values inline with the dialect's escaping; toString() shows named parameters. */
class LiteralBindsTest {

    @Test
    void stringsAreEscapedByDoublingQuotes() {
        Compiled c = select(USER_ID).where(USER_NAME.eq("O'Brien")).compile(PG, true);
        assertThat(c.sql()).isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.name = 'O''Brien'");
        assertThat(c.bindSlots()).isEmpty();
    }

    @Test
    void mysqlWritesAStringWithABackslashAsHexSoNoSqlModeCanReadItAsAnEscape() {
        assertThat(select(USER_ID).where(USER_NAME.eq("a\\' OR 1=1 --")).compile(MYSQL, true).sql())
                .isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.name = "
                        + "_utf8mb4 X'615c27204f5220313d31202d2d'");
    }

    @Test
    void numbersBooleansNullsDatesAndLists() {
        assertThat(select(literal(new BigDecimal("1.50")).label("a"), literal(true).label("b"), literal(LocalDate.of(2024, 1, 2)).label("c"))
                .compile(PG, true).sql()).isEqualTo("SELECT 1.50 AS a, true AS b, '2024-01-02' AS c");
        assertThat(select(literal(true).label("b")).compile(SQLITE, true).sql()).isEqualTo("SELECT 1 AS b");
        assertThat(select(USER_ID).where(USER_ID.in(1, 2, 3)).compile(PG, true).sql())
                .isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.id IN (1, 2, 3)");
        assertThat(select(USER_ID).where(USER_ID.in(List.of())).compile(PG, true).sql())
                .isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.id IN (SELECT CAST(NULL AS INTEGER) WHERE 1!=1)");
        assertThat(update(USERS).set(Map.of("name", literal(null))).compile(PG, true).sql())
                .isEqualTo("UPDATE user_account SET name=NULL");
    }

    @Test
    void expressionsPrintAsSql() {
        assertThat(USER_NAME.like("s%").and(USER_ID.gt(5)).toString())
                .isEqualTo("user_account.name LIKE :name_1 AND user_account.id > :id_1");
        assertThat(func.count().label("n").toString()).isEqualTo("count(*)");
        assertThat(case_(USER_ID.eq(1), "one").toString()).isEqualTo("CASE WHEN user_account.id = :id_1 THEN :param_1 END");
    }

    @Test
    void booleanConstantsAreConditionsWhereSqlNeedsOne() {
        assertThat(select(USER_ID).where(true_()).compile(ORACLE).sql()).isEqualTo("SELECT user_account.id FROM user_account WHERE 1 = 1");
        assertThat(select(USER_ID).where(USER_ID.eq(1).or(false_())).compile(MSSQL).sql())
                .isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.id = ? OR 1 = 0");
        assertThat(select(USER_ID).where(true_()).compile(PG).sql()).isEqualTo("SELECT user_account.id FROM user_account WHERE true");
    }

    @Test
    void nullsEmulationOrdersByTheLabelledExpressionNotItsName() {
        Label<Long> n = func.count().label("n");
        assertThat(select(ADDRESS_USER_ID, n).groupBy(ADDRESS_USER_ID).orderBy(n.desc().nullsLast()).compile(MSSQL).sql())
                .isEqualTo("SELECT address.user_id, count(*) AS n FROM address GROUP BY address.user_id "
                        + "ORDER BY CASE WHEN count(*) IS NULL THEN 1 ELSE 0 END, n DESC");
    }

    @Test
    void toStringRendersGenericSqlWithNamedParameters() {
        assertThat(select(USER_NAME).where(USER_ID.gt(5), USER_ID.in(1, 2)).limit(3).toString())
                .isEqualTo("SELECT user_account.name FROM user_account WHERE user_account.id > :id_1 AND user_account.id IN "
                        + "(__[POSTCOMPILE_id_2]) LIMIT :param_1");
        assertThat(insert(USERS).values(Map.of("name", "x")).toString()).isEqualTo("INSERT INTO user_account (name) VALUES (:name)");
        assertThat(update(USERS).set(Map.of("name", "x")).where(USER_ID.eq(1)).toString())
                .isEqualTo("UPDATE user_account SET name=:name WHERE user_account.id = :id_1");
        assertThat(delete(USERS).where(USER_ID.eq(1)).toString()).isEqualTo("DELETE FROM user_account WHERE user_account.id = :id_1");
        assertThat(select(USER_ID).union(select(ADDRESS_ID)).toString())
                .isEqualTo("SELECT user_account.id FROM user_account UNION SELECT address.id FROM address");
    }
}
