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

/** TABLESAMPLE per dialect. */
class TableSampleTest {

    @Test
    void rendersPerDialect() {
        TableSample s = TableSample.of(TRACK, TableSample.Method.BERNOULLI, 10).repeatable(42).alias("s");
        assertThat(select(s.c("name")).compile(PG).sql())
                .isEqualTo("SELECT s.name FROM rt_track AS s TABLESAMPLE BERNOULLI (?) REPEATABLE (?)");
        assertThat(select(s.c("name")).compile(ORACLE).sql()).isEqualTo("SELECT s.name FROM rt_track SAMPLE (?) SEED (?) s");
        TableSample pages = TableSample.of(TRACK, TableSample.Method.SYSTEM, 10);
        assertThat(select(pages.c("id")).compile(MSSQL).sql()).isEqualTo("SELECT rt_track.id FROM rt_track TABLESAMPLE (? PERCENT)");
        assertThat(select(pages.c("id")).compile(ORACLE).sql()).isEqualTo("SELECT rt_track.id FROM rt_track SAMPLE BLOCK (?)");
        assertThatThrownBy(() -> select(s.c("name")).compile(MSSQL)).isInstanceOf(CompileException.class).hasMessageContaining("BERNOULLI");
        for (var d : List.of(SQLITE, H2, MYSQL, MARIADB)) {
            assertThatThrownBy(() -> select(pages.c("id")).compile(d)).as(d.name()).isInstanceOf(CompileException.class)
                    .hasMessageContaining("TABLESAMPLE");
        }
        assertThatThrownBy(() -> TableSample.of(TRACK, TableSample.Method.SYSTEM, 120)).hasMessageContaining("0 to 100");
    }

    @BackendTest
    void samplesRunOnPostgresql(TestDatabase db) {
        db.require(db.dialect().name().equals("postgresql"), "TABLESAMPLE runs on PostgreSQL here");
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            TableSample all = TableSample.of(TRACK, TableSample.Method.BERNOULLI, 100).repeatable(7).alias("s");
            assertThat(conn.execute(select(all.c("id")).orderBy(all.c("id"))).scalars(Integer.class).all()).containsExactly(1, 2, 3, 4);
            TableSample none = TableSample.of(TRACK, TableSample.Method.SYSTEM, 0);
            assertThat(conn.execute(select(none.c("id"))).all()).isEmpty();
        }
    }
}
