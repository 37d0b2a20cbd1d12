package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import org.retort.dialect.postgresql.PostgresqlDialect;
import org.retort.engine.Connection;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** A CTE under an alias ({@code cte.alias()}): one CTE used twice, joined to itself. */
class CteAliasTest {

    @Test
    void rendersTheCteOnceAndEachUseUnderItsAlias() {
        Cte firsts = select(USER_ID, USER_NAME).where(USER_ID.le(3)).cte("firsts");
        CteAlias a = firsts.alias("a");
        CteAlias b = firsts.alias("b");
        Select pairs = select(a.c("name"), b.c("name")).selectFrom(a.join(b, a.c("id").lt(b.c("id"))));
        assertThat(pairs.compile(new PostgresqlDialect()).sql()).isEqualTo(
                "WITH firsts AS (SELECT user_account.id, user_account.name FROM user_account "
                        + "WHERE user_account.id <= ?) "
                        + "SELECT a.name, b.name AS name_1 FROM firsts AS a JOIN firsts AS b ON a.id < b.id");
        CteAlias anon = firsts.alias();
        assertThat(select(anon.c("id")).compile(new PostgresqlDialect()).sql())
                .isEqualTo("WITH firsts AS (SELECT user_account.id, user_account.name FROM user_account "
                        + "WHERE user_account.id <= ?) SELECT anon_1.id FROM firsts AS anon_1");
    }

    @BackendTest
    void aCteJoinedToItselfRunsOnEveryBackend(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            SampleData.create(db, conn);
            Cte firsts = select(USER_ID, USER_NAME).where(USER_ID.le(3)).cte("firsts");
            CteAlias a = firsts.alias("a");
            CteAlias b = firsts.alias("b");
            List<Object> pairs = conn.execute(select(a.c("name").concat("-").concat(b.c("name")).label("pair"))
                    .selectFrom(a.join(b, a.c("id").lt(b.c("id")))).orderBy(a.c("id"), b.c("id"))).scalars().all();
            assertThat(pairs).hasSize(3).first().isEqualTo("spongebob-sandy");
        }
    }
}
