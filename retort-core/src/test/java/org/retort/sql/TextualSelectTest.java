package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.retort.types.Types;

/** text().columns(...): a textual query with known columns, run alone or used as a subquery, CTE or UNION member. */
class TextualSelectTest {

    private static TextualSelect cheap() {
        return text("SELECT id, name FROM rt_track WHERE unit_price < :max")
                .columns(ColumnClause.named("id", Types.INTEGER), ColumnClause.named("name", Types.VARCHAR));
    }

    @Test
    void compilesAsSubqueryCteAndUnionMember() {
        Subquery s = cheap().subquery("cheap");
        assertThat(select(s.c("name")).where(s.c("id").gt(1)).compile(PG).sql())
                .isEqualTo("SELECT cheap.name FROM (SELECT id, name FROM rt_track WHERE unit_price < ?) AS cheap WHERE cheap.id > ?");
        Cte c = cheap().cte("c");
        assertThat(select(c.c("id")).compile(SQLITE).sql())
                .isEqualTo("WITH c AS (SELECT id, name FROM rt_track WHERE unit_price < ?) SELECT c.id FROM c");
        assertThat(select(ID, NAME).where(ID.eq(4)).unionAll(cheap()).compile(PG).sql())
                .isEqualTo("SELECT rt_track.id, rt_track.name FROM rt_track WHERE rt_track.id = ? UNION ALL "
                        + "SELECT id, name FROM rt_track WHERE unit_price < ?");
        assertThat(cheap().bindparams(Map.of("max", 1)).compile(PG).params()).containsEntry("max", 1);
        assertThat(cheap().cacheKey()).isEqualTo(cheap().cacheKey());
        assertThatThrownBy(() -> text("SELECT 1").columns(ID)).hasMessageContaining("free-standing");
    }

    @Test
    void uniqueParametersLetTwoTextsShareAName() {
        TextualSelect cheap = cheap().bindparams(Map.of("max", new java.math.BigDecimal("1.00")));
        TextualSelect dear = cheap().bindparams(Map.of("max", new java.math.BigDecimal("50.00")));
        assertThatThrownBy(() -> cheap.union(dear).compile(PG)).hasMessageContaining("used twice with different values");
        Compiled c = cheap.withUniqueParameters().union(dear.withUniqueParameters()).compile(PG);
        assertThat(c.sql()).isEqualTo("SELECT id, name FROM rt_track WHERE unit_price < ? UNION "
                + "SELECT id, name FROM rt_track WHERE unit_price < ?");
        assertThat(c.params()).containsEntry("max_1", new java.math.BigDecimal("1.00"))
                .containsEntry("max_2", new java.math.BigDecimal("50.00"));
        assertThatThrownBy(() -> cheap().withUniqueParameters()).hasMessageContaining("bindparams");
    }

    @BackendTest
    void runsAloneAndAsSubquery(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            assertThat(conn.execute(cheap(), Map.of("max", new java.math.BigDecimal("1.00"))).all())
                    .extracting(r -> r.get("name")).containsExactlyInAnyOrder("Intro", "Bonus");
            Subquery s = cheap().bindparams(Map.of("max", new java.math.BigDecimal("2.00"))).subquery("cheap");
            assertThat(conn.execute(select(s.c("name")).where(s.c("id").gt(1)).orderBy(s.c("id"))).scalars(String.class).all())
                    .containsExactly("Middle", "Bonus");
            Cte c = cheap().bindparams(Map.of("max", new java.math.BigDecimal("1.00"))).cte("c");
            assertThat(conn.execute(select(func.count()).selectFrom(c)).scalar()).isIn(2, 2L);
        }
    }
}
