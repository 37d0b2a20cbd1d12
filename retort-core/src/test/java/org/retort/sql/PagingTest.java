package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialect;
import org.retort.dialect.ServerVersion;
import org.retort.dialect.mssql.MssqlDialect;
import org.retort.dialect.oracle.OracleDialect;
import org.retort.engine.Connection;
import org.retort.exc.CompileException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** fetch(), percentages, WITH TIES, and the ROWNUM emulation for Oracle before 12c chosen by a given server version. */
class PagingTest {

    private static Dialect oracle(int major) {
        OracleDialect d = new OracleDialect();
        d.assumeServerVersion(ServerVersion.of(major, 2, 0));
        return d;
    }

    @Test
    void fetchPercentWhereTheDatabaseHasIt() {
        Select s = select(ID).orderBy(PRICE).fetchPercent(25, false);
        assertThat(s.compile(ORACLE).sql()).isEqualTo("SELECT rt_track.id FROM rt_track ORDER BY rt_track.unit_price "
                + "FETCH FIRST ? PERCENT ROWS ONLY");
        assertThat(s.compile(H2).sql()).isEqualTo(s.compile(ORACLE).sql());
        assertThat(select(ID).orderBy(PRICE).fetchPercent(25, true).compile(MSSQL).sql())
                .isEqualTo("SELECT TOP (?) PERCENT WITH TIES rt_track.id FROM rt_track ORDER BY rt_track.unit_price");
        for (Dialect d : List.of(PG, SQLITE, MYSQL, MARIADB)) {
            assertThatThrownBy(() -> s.compile(d)).as(d.name()).isInstanceOf(CompileException.class)
                    .hasMessageContaining("PERCENT");
        }
        assertThatThrownBy(() -> select(ID).fetchPercent(101, false)).hasMessageContaining("0 to 100");
        assertThat(s.cacheKey()).isNotEqualTo(select(ID).orderBy(PRICE).limit(25).cacheKey());
        assertThat(select(ID).fetch(3).compile(PG).sql()).isEqualTo("SELECT rt_track.id FROM rt_track LIMIT ?");
    }

    @Test
    void oracleBefore12PagesWithRownum() {
        Dialect o11 = oracle(11);
        assertThat(select(ID, NAME).orderBy(NAME).limit(5).compile(o11).sql()).isEqualTo("SELECT id, name FROM ("
                + "SELECT rt_track.id, rt_track.name FROM rt_track ORDER BY rt_track.name) WHERE ROWNUM <= ?");
        assertThat(select(ID, NAME).orderBy(NAME).limit(5).offset(10).compile(o11).sql()).isEqualTo("SELECT id, name FROM ("
                + "SELECT anon_rn.*, ROWNUM AS ora_rn FROM (SELECT rt_track.id, rt_track.name FROM rt_track ORDER BY rt_track.name) "
                + "anon_rn WHERE ROWNUM <= ? + ?) WHERE ora_rn > ?");
        assertThat(select(ID).offset(10).compile(o11).sql()).isEqualTo("SELECT id FROM (SELECT anon_rn.*, ROWNUM AS ora_rn FROM "
                + "(SELECT rt_track.id FROM rt_track) anon_rn) WHERE ora_rn > ?");
        Select inner = select(MS).where(MS.gt(ID)).orderBy(MS.desc()).limit(1);
        assertThat(select(ID).where(ID.eq(inner.scalarSubquery().untyped())).limit(2).compile(o11).sql()).isEqualTo(
                "SELECT id FROM (SELECT rt_track.id FROM rt_track WHERE rt_track.id = (SELECT milliseconds FROM (SELECT "
                        + "rt_track.milliseconds FROM rt_track WHERE rt_track.milliseconds > rt_track.id ORDER BY "
                        + "rt_track.milliseconds DESC) WHERE ROWNUM <= ?)) WHERE ROWNUM <= ?");
        assertThat(select(ID).limit(5).compile(oracle(12)).sql()).isEqualTo("SELECT rt_track.id FROM rt_track FETCH FIRST ? ROWS ONLY");
        assertThat(select(ID).limit(5).compile(ORACLE).sql()).isEqualTo("SELECT rt_track.id FROM rt_track FETCH FIRST ? ROWS ONLY");
        assertThatThrownBy(() -> select(ID).orderBy(ID).fetchWithTies(2).compile(o11)).isInstanceOf(CompileException.class);
        assertThatThrownBy(() -> select(ID).limit(2).forUpdate().compile(o11)).isInstanceOf(CompileException.class)
                .hasMessageContaining("12c");
    }

    private static Dialect mssql2008() {
        MssqlDialect old = new MssqlDialect();
        old.assumeServerVersion(ServerVersion.of(10, 50, 0));
        return old;
    }

    @Test
    void sqlServerBefore2012PagesWithRowNumber() {
        Dialect old = mssql2008();
        assertThat(select(ID).limit(3).compile(old).sql()).as("a limit alone stays TOP")
                .isEqualTo("SELECT TOP (?) rt_track.id FROM rt_track");
        Select pagedQuery = select(ID, NAME).where(MS.gt(1000)).orderBy(NAME, ID.desc()).limit(3).offset(2);
        Compiled paged = pagedQuery.compile(old);
        assertThat(paged.sql()).isEqualTo("SELECT anon_rn.id, anon_rn.name FROM (SELECT rt_track.id, rt_track.name, "
                + "ROW_NUMBER() OVER (ORDER BY rt_track.name, rt_track.id DESC) AS mssql_rn FROM rt_track "
                + "WHERE rt_track.milliseconds > ?) AS anon_rn WHERE mssql_rn > ? AND mssql_rn <= ? + ?");
        assertThat(paged.bind(pagedQuery.boundValues(), Map.of()).values()).containsExactly(1000, 2, 3, 2);
        assertThat(select(ID).orderBy(ID).offset(10).compile(old).sql()).as("an offset alone")
                .isEqualTo("SELECT anon_rn.id FROM (SELECT rt_track.id, ROW_NUMBER() OVER (ORDER BY rt_track.id) "
                        + "AS mssql_rn FROM rt_track) AS anon_rn WHERE mssql_rn > ?");
        assertThat(select(MS.label("ms"), func.count().label("n")).groupBy(MS).orderBy(func.count().desc())
                .limit(5).offset(5).compile(old).sql()).as("labels, aggregates and ORDER BY an expression")
                .isEqualTo("SELECT anon_rn.ms, anon_rn.n FROM (SELECT rt_track.milliseconds AS ms, count(*) AS n, "
                        + "ROW_NUMBER() OVER (ORDER BY count(*) DESC) AS mssql_rn FROM rt_track GROUP BY "
                        + "rt_track.milliseconds) AS anon_rn WHERE mssql_rn > ? AND mssql_rn <= ? + ?");
        Select inner = select(MS).orderBy(MS).limit(1).offset(1);
        assertThat(select(ID).where(ID.in(inner)).orderBy(ID).limit(2).offset(4).compile(old).sql())
                .as("a paged subquery inside a paged query").isEqualTo("SELECT anon_rn.id FROM (SELECT rt_track.id, "
                        + "ROW_NUMBER() OVER (ORDER BY rt_track.id) AS mssql_rn FROM rt_track WHERE rt_track.id IN "
                        + "(SELECT anon_rn.milliseconds FROM (SELECT rt_track.milliseconds, ROW_NUMBER() OVER (ORDER BY "
                        + "rt_track.milliseconds) AS mssql_rn FROM rt_track) AS anon_rn WHERE mssql_rn > ? AND "
                        + "mssql_rn <= ? + ?)) AS anon_rn WHERE mssql_rn > ? AND mssql_rn <= ? + ?");
        assertThat(select(ID).orderBy(ID).limit(3).offset(2).compile(MSSQL).sql()).as("2012 and later: OFFSET")
                .isEqualTo("SELECT rt_track.id FROM rt_track ORDER BY rt_track.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
    }

    @Test
    void sqlServerBefore2012NeedsAnOrderByToPage() {
        Dialect old = mssql2008();
        assertThatThrownBy(() -> select(ID).limit(3).offset(2).compile(old)).isInstanceOf(CompileException.class)
                .hasMessageContaining("ROW_NUMBER() OVER (ORDER BY").hasMessageContaining("add orderBy(...)");
        assertThatThrownBy(() -> select(ID).offset(2).compile(old)).isInstanceOf(CompileException.class)
                .hasMessageContaining("needs an ORDER BY");
        assertThatThrownBy(() -> select(ID).orderBy(ID).fetchWithTies(2).offset(1).compile(old))
                .isInstanceOf(CompileException.class).hasMessageContaining("WITH TIES");
        assertThatThrownBy(() -> select(ID).union(select(ID)).orderBy(ID).limit(1).offset(1).compile(old))
                .isInstanceOf(CompileException.class).hasMessageContaining("select from it as a subquery");
        assertThatThrownBy(() -> select(ID.label("mssql_rn")).orderBy(ID).offset(1).compile(old))
                .isInstanceOf(CompileException.class).hasMessageContaining("mssql_rn");
    }

    @BackendTest
    void fetchPercentAndWithTiesRun(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            if (db.dialect().name().equals("h2")) {
                assertThat(conn.execute(select(ID).orderBy(PRICE).fetchPercent(50, false)).scalars(Integer.class).all())
                        .containsExactly(4, 1);
            }
            assertThat(conn.execute(select(ID).orderBy(PRICE).fetch(2)).scalars(Integer.class).all()).containsExactly(4, 1);
        }
    }
}
