package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.exc.CompileException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Functions in FROM: generate_series, json_each, unnest, SYSTEM_RANGE, with LATERAL and derived column names. */
class TableValuedTest {

    @Test
    void rendersPerDialect() {
        TableValued s = func.call("generate_series", 1, 3).tableValued("value").alias("s");
        assertThat(select(s.c("value")).compile(PG).sql()).isEqualTo("SELECT s.value FROM generate_series(?, ?) AS s");
        assertThat(select(s.renderDerived().c("value")).compile(PG).sql())
                .isEqualTo("SELECT s.value FROM generate_series(?, ?) AS s (value)");
        assertThat(select(s.c("value")).compile(ORACLE).sql()).isEqualTo("SELECT s.value FROM TABLE(generate_series(?, ?)) s");
        assertThat(select(s.c("value")).compile(MSSQL).sql()).isEqualTo("SELECT s.value FROM generate_series(?, ?) AS s");
        assertThatThrownBy(() -> select(s.c("value")).compile(MARIADB)).isInstanceOf(CompileException.class)
                .hasMessageContaining("generate_series");
        assertThatThrownBy(() -> select(s.renderDerived().c("value")).compile(SQLITE)).isInstanceOf(CompileException.class);
        TableValued anon = func.call("json_each", NAME).tableValued("key", "value");
        assertThat(select(ID, anon.c("value")).compile(SQLITE).sql())
                .isEqualTo("SELECT rt_track.id, anon_1.value FROM rt_track, json_each(rt_track.name) AS anon_1");
        TableValued lat = func.call("generate_series", 1, MS).tableValued("n").alias("g").lateral().renderDerived();
        assertThat(select(ID, lat.c("n")).selectFrom(TRACK).join(lat, true_()).compile(PG).sql())
                .isEqualTo("SELECT rt_track.id, g.n FROM rt_track JOIN LATERAL generate_series(?, rt_track.milliseconds) AS g (n) ON true");
        assertThatThrownBy(() -> s.c("nope")).hasMessageContaining("has no column 'nope'");
        assertThat(select(s.c("value")).cacheKey()).isNotEqualTo(select(s.renderDerived().c("value")).cacheKey());
    }

    @BackendTest
    void functionsInFromRun(TestDatabase db) {
        String name = db.dialect().name();
        db.require(!name.equals("mariadb") && !name.equals("mysql"), "MySQL has no functions in FROM (refused at compile time)");
        try (Connection conn = db.engine().connect()) {
            List<Object> values;
            if (name.equals("postgresql")) {
                TableValued s = func.call("generate_series", 1, 3).tableValued("value").alias("s").renderDerived();
                values = conn.execute(select(s.c("value")).orderBy(s.c("value"))).scalars(Object.class).all();
                TableValued u = func.call("unnest", literal(List.of(5, 6), org.retort.types.Types.ARRAY(org.retort.types.Types.INTEGER)))
                        .tableValued("v").alias("u").renderDerived();
                assertThat(conn.execute(select(u.c("v"))).scalars(Object.class).all()).containsExactly(5, 6);
            } else if (name.equals("h2")) {
                TableValued s = func.call("system_range", 1, 3).tableValued("x").alias("s").renderDerived();
                values = conn.execute(select(s.c("x")).orderBy(s.c("x"))).scalars(Object.class).all();
            } else {
                TableValued s = func.call("json_each", literal("[1, 2, 3]")).tableValued("value").alias("s");
                values = conn.execute(select(s.c("value")).orderBy(s.c("value"))).scalars(Object.class).all();
            }
            assertThat(values).extracting(v -> ((Number) v).intValue()).containsExactly(1, 2, 3);
        }
    }
}
