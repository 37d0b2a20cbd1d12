package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.exc.CompileException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** MERGE INTO ... USING ... ON ... WHEN MATCHED / NOT MATCHED on PostgreSQL 15, H2, SQL Server and Oracle. */
class MergeTest {

    private static Values staged() {
        return values("src", "id", "name", "price").data(List.of(
                List.of(1, "Intro (remaster)", new BigDecimal("1.99")),
                List.of(2, "Middle", new BigDecimal("0.00")),
                List.of(7, "Seven", new BigDecimal("7.00"))));
    }

    private static Merge mergeTracks() {
        Values src = staged();
        return merge(TRACK).using(src, ID.eq(src.c("id")))
                .whenMatchedThenDelete(src.c("price").eq(BigDecimal.ZERO))
                .whenMatchedThenUpdate(Map.of("name", src.c("name"), "unit_price", src.c("price")))
                .whenNotMatchedThenInsert(Map.of("id", src.c("id"), "name", src.c("name"), "milliseconds", 0,
                        "unit_price", src.c("price")));
    }

    @Test
    void rendersPerDialect() {
        String pg = "MERGE INTO rt_track USING (VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)) AS src (id, name, price) "
                + "ON (rt_track.id = src.id) WHEN MATCHED AND src.price = ? THEN DELETE "
                + "WHEN MATCHED THEN UPDATE SET name = src.name, unit_price = src.price "
                + "WHEN NOT MATCHED THEN INSERT (id, name, milliseconds, unit_price) VALUES (src.id, src.name, ?, src.price)";
        assertThat(mergeTracks().compile(PG).sql()).isEqualTo(pg);
        assertThat(mergeTracks().compile(H2).sql()).isEqualTo(pg);
        assertThat(mergeTracks().compile(MSSQL).sql()).isEqualTo(pg + ";");
        Values src = staged();
        Merge simple = merge(TRACK).using(src, ID.eq(src.c("id"))).whenMatchedThenUpdate(Map.of("name", src.c("name")));
        assertThat(simple.compile(ORACLE).sql()).isEqualTo("MERGE INTO rt_track USING (SELECT ? AS id, ? AS name, ? AS price FROM DUAL "
                + "UNION ALL SELECT ?, ?, ? FROM DUAL UNION ALL SELECT ?, ?, ? FROM DUAL) src ON (rt_track.id = src.id) "
                + "WHEN MATCHED THEN UPDATE SET name = src.name");
        assertThatThrownBy(() -> mergeTracks().compile(ORACLE)).isInstanceOf(CompileException.class)
                .hasMessageContaining("MERGE");
        for (var d : List.of(SQLITE, MYSQL, MARIADB)) {
            assertThatThrownBy(() -> mergeTracks().compile(d)).as(d.name()).isInstanceOf(CompileException.class)
                    .hasMessageContaining("upsert");
        }
        assertThatThrownBy(() -> merge(TRACK).whenMatchedThenDelete()).hasMessageContaining("using(source, on)");
        assertThat(mergeTracks().cacheKey()).isEqualTo(mergeTracks().cacheKey());
    }

    @BackendTest
    void mergeRunsOnPostgresqlAndH2(TestDatabase db) {
        String name = db.dialect().name();
        db.require(name.equals("postgresql") || name.equals("h2"), "MERGE runs on PostgreSQL 15+ and H2 here");
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            conn.execute(mergeTracks());
            conn.commit();
            assertThat(conn.execute(select(ID, NAME).orderBy(ID)).all())
                    .extracting(r -> ((Number) r.get(0)).intValue() + ":" + r.get(1))
                    .containsExactly("1:Intro (remaster)", "3:  Outro ", "4:Bonus", "7:Seven");
        }
    }
}
