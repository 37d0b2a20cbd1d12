package org.retort.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.sql.Cte;

/** What PostgreSQL renders beyond standard SQL. */
class PostgresqlCompilerTest {
    private final PostgresqlDialect pg = new PostgresqlDialect();

    @Test
    void upsertWithWhereAndReturning() {
        assertThat(insert(USERS).values(Map.of("id", 1, "name", "a"))
                .onConflictDoUpdate(List.of(USER_ID), Map.of("name", excluded(USER_NAME), "fullname", FULLNAME.concat("+")),
                        USER_NAME.ne(excluded(USER_NAME)))
                .returning(USER_ID).compile(pg).sql())
                .isEqualTo("INSERT INTO user_account (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                        + "fullname = user_account.fullname || ? WHERE user_account.name != excluded.name RETURNING user_account.id");
    }

    @Test
    void updateFromReturningAndCte() {
        Cte heavy = select(ADDRESS_USER_ID).groupBy(ADDRESS_USER_ID).having(func.count().gt(1L)).cte("heavy");
        assertThat(update(USERS).set(Map.of("fullname", "many")).where(USER_ID.eq(heavy.c("user_id"))).returning(USER_NAME)
                .compile(pg).sql())
                .isEqualTo("WITH heavy AS (SELECT address.user_id FROM address GROUP BY address.user_id HAVING count(*) > ?) "
                        + "UPDATE user_account SET fullname=? FROM heavy WHERE user_account.id = heavy.user_id RETURNING user_account.name");
    }

    @Test
    void regexpAndIlikeAndXor() {
        assertThat(select(USER_ID.bitwiseXor(USER_ID).label("z")).where(USER_NAME.regexpMatch("a+"), USER_NAME.notIlike("b%")).compile(pg).sql())
                .isEqualTo("SELECT user_account.id # user_account.id AS z FROM user_account WHERE user_account.name ~ ? "
                        + "AND user_account.name NOT ILIKE ?");
    }
}
