package org.retort.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import org.junit.jupiter.api.Test;

/** What SQLite renders differently from standard SQL. */
class SqliteCompilerTest {
    private final SqliteDialect sqlite = new SqliteDialect();

    @Test
    void xorIsEmulatedWithOrAndAnd() {
        assertThat(select(USER_ID.bitwiseXor(3).label("x")).compile(sqlite).sql())
                .isEqualTo("SELECT ((user_account.id) | (?)) - ((user_account.id) & (?)) AS x FROM user_account");
    }

    @Test
    void booleansAreConditionsAndIntegers() {
        assertThat(select(true_().label("t")).where(false_().or(USER_ID.eq(1))).compile(sqlite).sql())
                .isEqualTo("SELECT 1 AS t FROM user_account WHERE 1 = 0 OR user_account.id = ?");
    }

    @Test
    void nestedSetOperationIsASubquery() {
        assertThat(select(USER_ID).union(select(ADDRESS_ID)).except(select(ORDER_ID)).compile(sqlite).sql())
                .isEqualTo("SELECT * FROM (SELECT user_account.id FROM user_account UNION SELECT address.id FROM address) "
                        + "EXCEPT SELECT sales.orders.id FROM sales.orders");
    }
}
