package org.retort.dialect.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import org.junit.jupiter.api.Test;
import org.retort.sql.ForUpdate;

/** What H2 renders differently from standard SQL. */
class H2CompilerTest {
    private final H2Dialect h2 = new H2Dialect();

    @Test
    void regexpAndShifts() {
        assertThat(select(USER_ID.bitwiseLshift(2).label("s")).where(USER_NAME.regexpMatch("^a")).compile(h2).sql())
                .isEqualTo("SELECT LSHIFT(user_account.id, CAST(? AS BIGINT)) AS s FROM user_account "
                        + "WHERE REGEXP_LIKE(user_account.name, ?)");
    }

    @Test
    void offsetFetchAndLocking() {
        assertThat(select(USER_ID).orderBy(USER_ID).offset(3).forUpdate(ForUpdate.DEFAULT.nowait()).compile(h2).sql())
                .isEqualTo("SELECT user_account.id FROM user_account ORDER BY user_account.id OFFSET ? ROWS FOR UPDATE NOWAIT");
    }
}
