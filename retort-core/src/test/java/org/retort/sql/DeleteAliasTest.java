package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;

import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.exc.CompileException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** DELETE through a table alias, per dialect. */
class DeleteAliasTest {

    private static Delete deleteCheap() {
        TableAlias t = TRACK.alias("t");
        return delete(t).where(t.c("unit_price").untyped().lt(new java.math.BigDecimal("1.00")));
    }

    @Test
    void rendersPerDialect() {
        assertThat(deleteCheap().compile(PG).sql()).isEqualTo("DELETE FROM rt_track AS t WHERE t.unit_price < ?");
        assertThat(deleteCheap().compile(SQLITE).sql()).isEqualTo("DELETE FROM rt_track AS t WHERE t.unit_price < ?");
        assertThat(deleteCheap().compile(ORACLE).sql()).isEqualTo("DELETE FROM rt_track t WHERE t.unit_price < ?");
        assertThat(deleteCheap().compile(MARIADB).sql()).isEqualTo("DELETE t FROM rt_track AS t WHERE t.unit_price < ?");
        assertThat(deleteCheap().compile(MSSQL).sql()).isEqualTo("DELETE t FROM rt_track AS t WHERE t.unit_price < ?");
        TableAlias t = TRACK.alias("t");
        Delete withOther = delete(t).where(t.c("id").untyped().eq(USER_ID));
        assertThat(withOther.compile(PG).sql()).isEqualTo("DELETE FROM rt_track AS t USING user_account WHERE t.id = user_account.id");
        assertThatThrownBy(() -> withOther.compile(MYSQL)).isInstanceOf(CompileException.class).hasMessageContaining("alias");
        assertThat(deleteCheap().cacheKey()).isNotEqualTo(delete(TRACK).where(PRICE.lt(new java.math.BigDecimal("1.00"))).cacheKey());
    }

    @BackendTest
    void deletesThroughTheAlias(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            assertThat(conn.execute(deleteCheap()).rowcount()).isEqualTo(2);
            assertThat(conn.execute(select(ID).orderBy(ID)).scalars(Integer.class).all()).containsExactly(2, 3);
        }
    }
}
