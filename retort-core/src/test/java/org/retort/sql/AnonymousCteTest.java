package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;

import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** cte() without a name: named anon_N when compiled, each CTE object once, however often it is used. */
class AnonymousCteTest {

    @Test
    void anonymousCtesAreNamedWhenCompiled() {
        Cte cheap = select(ID, NAME).where(PRICE.lt(new java.math.BigDecimal("1.00"))).cte();
        Cte longOnes = select(ID).where(MS.gt(100000)).cte();
        Select s = select(cheap.c("name")).join(longOnes, cheap.c("id").eq(longOnes.c("id")));
        assertThat(s.compile(PG).sql()).isEqualTo("WITH anon_1 AS (SELECT rt_track.id, rt_track.name FROM rt_track "
                + "WHERE rt_track.unit_price < ?), anon_2 AS (SELECT rt_track.id FROM rt_track WHERE rt_track.milliseconds > ?) "
                + "SELECT anon_1.name FROM anon_1 JOIN anon_2 ON anon_1.id = anon_2.id");
        assertThat(s.cacheKey()).isEqualTo(select(cheap.c("name")).join(longOnes, cheap.c("id").eq(longOnes.c("id"))).cacheKey());
        assertThatThrownBy(() -> select(ID).cte(null, true)).hasMessageContaining("recursive CTE needs a name");
    }

    @BackendTest
    void anonymousCteRuns(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            Cte cheap = select(ID, NAME).where(PRICE.lt(new java.math.BigDecimal("1.00"))).cte();
            assertThat(conn.execute(select(cheap.c("name")).orderBy(cheap.c("id"))).scalars(String.class).all())
                    .containsExactly("Intro", "Bonus");
        }
    }
}
