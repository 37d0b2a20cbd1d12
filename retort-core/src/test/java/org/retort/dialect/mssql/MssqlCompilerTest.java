package org.retort.dialect.mssql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL Server has no server here: its SQL is checked string by string. */
class MssqlCompilerTest {
    private final MssqlDialect mssql = new MssqlDialect();

    @Test
    void topWithoutOffsetAndOffsetFetchWithIt() {
        assertThat(select(USER_ID).limit(3).compile(mssql).sql()).isEqualTo("SELECT TOP (?) user_account.id FROM user_account");
        assertThat(select(USER_ID).distinct().limit(3).compile(mssql).sql())
                .isEqualTo("SELECT DISTINCT TOP (?) user_account.id FROM user_account");
        assertThat(select(USER_ID).union(select(ADDRESS_ID)).limit(2).compile(mssql).sql())
                .isEqualTo("SELECT user_account.id FROM user_account UNION SELECT address.id FROM address "
                        + "ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
    }

    @Test
    void outputClauseForInsertManyRows() {
        assertThat(insert(USERS).values(java.util.List.of(Map.of("name", "a"), Map.of("name", "b"))).returning(USER_ID, USER_NAME)
                .compile(mssql).sql()).isEqualTo("INSERT INTO user_account (name) OUTPUT inserted.id, inserted.name VALUES (?), (?)");
    }

    @Test
    void bracketQuotingOfSchemaAndReservedNames() {
        assertThat(select(AMOUNT).where(MIXED_SELECT.eq("x")).compile(mssql).sql())
                .isEqualTo("SELECT sales.orders.amount FROM sales.orders, [MixedCase] WHERE [MixedCase].[select] = ?");
    }

    @Test
    void nowIsCurrentTimestampAndDistinctFromIsIntersect() {
        assertThat(select(func.now().label("t")).where(USER_ID.isNotDistinctFrom(2)).compile(mssql).sql())
                .isEqualTo("SELECT CURRENT_TIMESTAMP AS t FROM user_account WHERE EXISTS (SELECT user_account.id INTERSECT SELECT ?)");
    }

    @Test
    void stringLiteralsDoubleQuotes() {
        assertThat(select(USER_ID).where(USER_NAME.eq("a'b")).compile(mssql, true).sql())
                .isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.name = 'a''b'");
    }

    @Test
    void multiPartOwnersAreQuotedPartByPart() {
        org.retort.sql.Fixtures.T remote = new org.retort.sql.Fixtures.T("remote_table", "mydb.dbo");
        org.retort.sql.ColumnClause<Integer> rid = remote.col("id", org.retort.sql.TestTypes.INTEGER);
        assertThat(select(rid).compile(new MssqlDialect()).sql())
                .isEqualTo("SELECT mydb.dbo.remote_table.id FROM mydb.dbo.remote_table");
        org.retort.sql.Fixtures.T odd = new org.retort.sql.Fixtures.T("t", "[my.db].Owner Name");
        org.retort.sql.ColumnClause<Integer> oid = odd.col("id", org.retort.sql.TestTypes.INTEGER);
        assertThat(select(oid).compile(new MssqlDialect()).sql())
                .isEqualTo("SELECT [my.db].[Owner Name].t.id FROM [my.db].[Owner Name].t");
        assertThatThrownBy(() -> new MssqlDialect().quoteSchema("[mydb.dbo"))
                .isInstanceOf(org.retort.exc.ArgumentException.class).hasMessageContaining("never closes");
    }

    @Test
    void outputTakesExpressionsOfTheInsertedAndDeletedRows() {
        MssqlDialect mssql = new MssqlDialect();
        assertThat(insert(USERS).values(Map.of("name", "x")).returning(USER_ID, USER_NAME.concat("!").label("shout"))
                .compile(mssql).sql())
                .isEqualTo("INSERT INTO user_account (name) OUTPUT inserted.id, inserted.name + ? AS shout VALUES (?)");
        assertThat(delete(USERS).where(USER_ID.eq(1)).returning(USER_ID.plus(1).label("next")).compile(mssql).sql())
                .isEqualTo("DELETE FROM user_account OUTPUT deleted.id + ? AS next WHERE user_account.id = ?");
        assertThat(update(USERS).set(Map.of("name", "y")).returning(func.upper(USER_NAME).label("n")).compile(mssql).sql())
                .isEqualTo("UPDATE user_account SET name=? OUTPUT upper(inserted.name) AS n");
    }
}
