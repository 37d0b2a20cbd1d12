package org.retort.dialect.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.sql.Cte;
import org.retort.sql.Subquery;
import org.retort.sql.Values;

/** Oracle has no server here: its SQL is checked string by string. */
class OracleCompilerTest {
    private final OracleDialect oracle = new OracleDialect();

    @Test
    void pagingUsesOffsetFetch() {
        assertThat(select(USER_ID).orderBy(USER_ID).offset(5).compile(oracle).sql())
                .isEqualTo("SELECT user_account.id FROM user_account ORDER BY user_account.id OFFSET ? ROWS");
    }

    @Test
    void subqueryAliasesHaveNoAs() {
        Subquery sq = select(ADDRESS_USER_ID).where(EMAIL.like("%@x")).subquery("s");
        assertThat(select(USER_NAME).join(sq, sq.c("user_id").eq(USER_ID)).compile(oracle).sql())
                .isEqualTo("SELECT user_account.name FROM user_account JOIN (SELECT address.user_id FROM address "
                        + "WHERE address.email_address LIKE ?) s ON s.user_id = user_account.id");
    }

    @Test
    void recursiveCteHasNoRecursiveKeywordAndDualForConstants() {
        Cte n = select(literal(1).label("n")).cte("nums", true);
        Cte all = n.unionAll(select(n.c("n").plus(1)).where(n.c("n").lt(5)));
        assertThat(select(all.c("n")).compile(oracle).sql()).isEqualTo("WITH nums(n) AS (SELECT ? AS n FROM DUAL UNION ALL "
                + "SELECT nums.n + ? AS anon_1 FROM nums WHERE nums.n < ?) SELECT nums.n FROM nums");
    }

    @Test
    void valuesBecomeUnionOfDual() {
        Values v = values("v", "id").data(List.of(List.of(1), List.of(2)));
        assertThat(select(v.c("id")).compile(oracle).sql())
                .isEqualTo("SELECT v.id FROM (SELECT ? AS id FROM DUAL UNION ALL SELECT ? FROM DUAL) v");
    }

    @Test
    void bitandAndAggregateFilterEmulation() {
        assertThat(select(USER_ID.bitwiseAnd(4).label("x"), func.count().filter(USER_ID.gt(1)).label("c")).compile(oracle).sql())
                .isEqualTo("SELECT BITAND(user_account.id, ?) AS x, count(CASE WHEN user_account.id > ? THEN 1 END) AS c FROM user_account");
    }

    @Test
    void literalBindsAndBooleans() {
        assertThat(select(USER_ID).where(USER_NAME.eq("it's"), USER_ID.in(1, 2)).compile(oracle, true).sql())
                .isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.name = 'it''s' AND user_account.id IN (1, 2)");
        assertThat(select(true_().label("t")).compile(oracle).sql()).isEqualTo("SELECT 1 AS t FROM DUAL");
    }

    @Test
    void emptyInSelectsFromDual() {
        assertThat(select(USER_ID).where(USER_ID.in(List.of())).compile(oracle).bind(Map.of("id_1", List.of()), Map.of()).sql())
                .isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.id IN (SELECT 1 FROM DUAL WHERE 1!=1)");
    }

    @Test
    void updateAndDeleteSingleTable() {
        assertThat(update(USERS).set(Map.of("name", "x")).where(USER_ID.eq(1)).compile(oracle).sql())
                .isEqualTo("UPDATE user_account SET name=? WHERE user_account.id = ?");
        assertThat(delete(USERS).where(USER_ID.eq(1)).compile(oracle).sql()).isEqualTo("DELETE FROM user_account WHERE user_account.id = ?");
    }

    @Test
    void onlyOraclesOwnReservedWordsAreQuoted() {
        OracleDialect oracle = new OracleDialect();
        // quoted lower-case names are case-sensitive on Oracle: words it does not reserve stay bare
        assertThat(oracle.quote("key")).isEqualTo("key");
        assertThat(oracle.quote("limit")).isEqualTo("limit");
        assertThat(oracle.quote("end")).isEqualTo("end");
        assertThat(oracle.quote("returning")).isEqualTo("returning");
        assertThat(oracle.quote("comment")).isEqualTo("\"comment\"");
        assertThat(oracle.quote("level")).isEqualTo("\"level\"");
        assertThat(oracle.quote("select")).isEqualTo("\"select\"");
        assertThat(oracle.quote("Mixed")).isEqualTo("\"Mixed\"");
    }
}
