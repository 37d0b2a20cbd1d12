package org.retort.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.exc.CompileException;
import org.retort.sql.ForUpdate;
import org.retort.sql.Subquery;

/** What MySQL and MariaDB render differently from standard SQL. */
class MysqlCompilerTest {
    private final MysqlDialect mysql = new MysqlDialect();
    private final MariadbDialect mariadb = new MariadbDialect();

    @Test
    void backticksForReservedAndMixedCaseNames() {
        assertThat(update(MIXED).set(Map.of("select", "x")).where(MIXED_ID.eq(1)).compile(mysql).sql())
                .isEqualTo("UPDATE `MixedCase` SET `select`=? WHERE `MixedCase`.`Id` = ?");
    }

    @Test
    void lateralOnMysqlButNotMariadb() {
        Subquery lat = select(EMAIL).where(ADDRESS_USER_ID.eq(USER_ID)).limit(1).lateral("l");
        assertThat(select(USER_NAME, lat.c("email_address")).join(lat, true_()).compile(mysql).sql())
                .isEqualTo("SELECT user_account.name, l.email_address FROM user_account JOIN LATERAL (SELECT address.email_address "
                        + "FROM address WHERE address.user_id = user_account.id LIMIT ?) AS l ON 1 = 1");
        assertThatThrownBy(() -> select(USER_NAME, lat.c("email_address")).join(lat, true_()).compile(mariadb))
                .isInstanceOf(CompileException.class).hasMessageContaining("LATERAL").hasMessageContaining("mariadb");
    }

    @Test
    void lockingVariants() {
        assertThat(select(USER_ID).forUpdate(ForUpdate.DEFAULT.of(USERS).nowait()).compile(mysql).sql())
                .isEqualTo("SELECT user_account.id FROM user_account FOR UPDATE OF user_account NOWAIT");
        assertThat(select(USER_ID).forUpdate(ForUpdate.DEFAULT.skipLocked()).compile(mariadb).sql())
                .isEqualTo("SELECT user_account.id FROM user_account FOR UPDATE SKIP LOCKED");
    }

    @Test
    void returningOnlyOnMariadbInsertAndDelete() {
        assertThat(delete(USERS).where(USER_ID.eq(1)).returning(USER_ID).compile(mariadb).sql())
                .isEqualTo("DELETE FROM user_account WHERE user_account.id = ? RETURNING user_account.id");
        assertThatThrownBy(() -> delete(USERS).returning(USER_ID).compile(mysql)).isInstanceOf(CompileException.class);
    }

    @Test
    void valuesListBecomesUnionAll() {
        assertThat(select(values("v", "a").data(java.util.List.of(java.util.List.of(1), java.util.List.of(2))).c("a")).compile(mysql).sql())
                .isEqualTo("SELECT v.a FROM (SELECT ? AS a UNION ALL SELECT ?) AS v");
    }
}
