package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.sql.Tracks.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.exc.CompileException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * The portable upsert: ON CONFLICT on PostgreSQL and SQLite, ON DUPLICATE KEY UPDATE on MySQL and MariaDB, MERGE
 * on H2, SQL Server and Oracle; plus ON CONFLICT ON CONSTRAINT, a partial-index target and SQLite's untargeted
 * DO UPDATE.
 */
class UpsertTest {

    private static Insert upsertTrack() {
        return insert(TRACK).values(row(1, "Intro v2", new BigDecimal("1.29")))
                .upsert(List.of(ID), Map.of("name", excluded(NAME), "unit_price", excluded(PRICE)));
    }

    private static Map<String, Object> row(int id, String name, BigDecimal price) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("milliseconds", 1000);
        m.put("unit_price", price);
        return m;
    }

    @Test
    void rendersPerDialect() {
        assertThat(upsertTrack().compile(PG).sql()).isEqualTo("INSERT INTO rt_track (id, name, milliseconds, unit_price) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit_price = excluded.unit_price");
        assertThat(upsertTrack().compile(SQLITE).sql()).isEqualTo(upsertTrack().compile(PG).sql());
        assertThat(upsertTrack().compile(MARIADB).sql()).isEqualTo("INSERT INTO rt_track (id, name, milliseconds, unit_price) "
                + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), unit_price = VALUES(unit_price)");
        assertThat(upsertTrack().compile(H2).sql()).isEqualTo("MERGE INTO rt_track USING (VALUES (?, ?, ?, ?)) AS excluded "
                + "(id, name, milliseconds, unit_price) ON (rt_track.id = excluded.id) WHEN MATCHED THEN UPDATE SET "
                + "name = excluded.name, unit_price = excluded.unit_price WHEN NOT MATCHED THEN INSERT (id, name, milliseconds, "
                + "unit_price) VALUES (excluded.id, excluded.name, excluded.milliseconds, excluded.unit_price)");
        assertThat(upsertTrack().compile(MSSQL).sql()).isEqualTo("MERGE INTO rt_track USING (VALUES (?, ?, ?, ?)) AS excluded "
                + "(id, name, milliseconds, unit_price) ON (rt_track.id = excluded.id) WHEN MATCHED THEN UPDATE SET "
                + "name = excluded.name, unit_price = excluded.unit_price WHEN NOT MATCHED THEN INSERT (id, name, milliseconds, "
                + "unit_price) VALUES (excluded.id, excluded.name, excluded.milliseconds, excluded.unit_price);");
        assertThat(upsertTrack().compile(ORACLE).sql()).isEqualTo("MERGE INTO rt_track USING (SELECT ? AS id, ? AS name, "
                + "? AS milliseconds, ? AS unit_price FROM DUAL) excluded ON (rt_track.id = excluded.id) WHEN MATCHED THEN "
                + "UPDATE SET name = excluded.name, unit_price = excluded.unit_price WHEN NOT MATCHED THEN INSERT (id, name, "
                + "milliseconds, unit_price) VALUES (excluded.id, excluded.name, excluded.milliseconds, excluded.unit_price)");
    }

    @Test
    void mysql8NamesTheInsertedRow() {
        org.retort.dialect.mysql.MysqlDialect mysql8 = new org.retort.dialect.mysql.MysqlDialect();
        mysql8.assumeServerVersion(org.retort.dialect.ServerVersion.of(8, 0, 32));
        assertThat(upsertTrack().compile(mysql8).sql()).isEqualTo("INSERT INTO rt_track (id, name, milliseconds, unit_price) "
                + "VALUES (?, ?, ?, ?) AS new ON DUPLICATE KEY UPDATE name = new.name, unit_price = new.unit_price");
        org.retort.dialect.mysql.MysqlDialect mysql57 = new org.retort.dialect.mysql.MysqlDialect();
        mysql57.assumeServerVersion(org.retort.dialect.ServerVersion.of(5, 7, 44));
        assertThat(upsertTrack().compile(mysql57).sql()).endsWith("ON DUPLICATE KEY UPDATE name = VALUES(name), unit_price = VALUES(unit_price)");
    }

    @Test
    void insertIfAbsent() {
        Insert ins = insert(TRACK).values(row(1, "x", BigDecimal.ONE)).upsert(List.of(ID), Map.of());
        assertThat(ins.compile(PG).sql()).endsWith("VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
        assertThat(ins.compile(MYSQL).sql()).endsWith("VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id");
        assertThat(ins.compile(H2).sql()).contains("ON (rt_track.id = excluded.id) WHEN NOT MATCHED THEN INSERT");
    }

    @Test
    void onConflictVariants() {
        Insert onConstraint = insert(TRACK).values(row(1, "x", BigDecimal.ONE))
                .onConflictOnConstraint("uq_track_name", Map.of("name", excluded(NAME)));
        assertThat(onConstraint.compile(PG).sql())
                .endsWith("ON CONFLICT ON CONSTRAINT uq_track_name DO UPDATE SET name = excluded.name");
        assertThatThrownBy(() -> onConstraint.compile(SQLITE)).isInstanceOf(CompileException.class)
                .hasMessageContaining("ON CONSTRAINT");
        Insert partial = insert(TRACK).values(row(1, "x", BigDecimal.ONE))
                .onConflictDoUpdate(List.of(NAME), COMPOSER.isNotNull(), Map.of("milliseconds", excluded(MS)), null);
        assertThat(partial.compile(PG).sql())
                .endsWith("ON CONFLICT (name) WHERE composer IS NOT NULL DO UPDATE SET milliseconds = excluded.milliseconds");
        Insert untargeted = insert(TRACK).values(row(1, "x", BigDecimal.ONE))
                .onConflictDoUpdate(List.of(), null, Map.of("name", excluded(NAME)), null);
        assertThat(untargeted.compile(SQLITE).sql()).endsWith("ON CONFLICT DO UPDATE SET name = excluded.name");
        assertThatThrownBy(() -> untargeted.compile(PG)).isInstanceOf(CompileException.class)
                .hasMessageContaining("without a conflict target");
    }

    @Test
    void mergeLimitsFailAtCompileTime() {
        Insert setsKey = insert(TRACK).values(row(1, "x", BigDecimal.ONE)).upsert(List.of(ID), Map.of("id", 5));
        assertThatThrownBy(() -> setsKey.compile(ORACLE)).isInstanceOf(CompileException.class)
                .hasMessageContaining("sets its own key column id");
        assertThatThrownBy(() -> upsertTrack().returning(ID).compile(MSSQL)).isInstanceOf(CompileException.class)
                .hasMessageContaining("RETURNING");
        assertThatThrownBy(() -> insert(TRACK).values(row(1, "x", BigDecimal.ONE)).upsert(List.of(USER_ID), Map.of()))
                .hasMessageContaining("keys are columns of rt_track");
        Insert plainOnConflict = insert(TRACK).values(row(1, "x", BigDecimal.ONE)).onConflictDoNothing();
        assertThatThrownBy(() -> plainOnConflict.compile(MSSQL)).isInstanceOf(CompileException.class);
        assertThat(upsertTrack().cacheKey()).isNotEqualTo(insert(TRACK).values(row(1, "Intro v2", new BigDecimal("1.29")))
                .onConflictDoUpdate(List.of(ID), Map.of("name", excluded(NAME), "unit_price", excluded(PRICE))).cacheKey());
    }

    @BackendTest
    void upsertInsertsOrUpdatesOnEveryBackend(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            conn.execute(upsertTrack());
            conn.execute(insert(TRACK).values(row(9, "New", new BigDecimal("2.00")))
                    .upsert(List.of(ID), Map.of("name", excluded(NAME))));
            conn.execute(insert(TRACK).values(row(2, "Ignored", new BigDecimal("9.99"))).upsert(List.of(ID), Map.of()));
            conn.execute(insert(TRACK).values(List.of(row(3, "Outro v2", BigDecimal.TEN), row(10, "Ten", BigDecimal.TEN)))
                    .upsert(List.of(ID), Map.of("name", excluded(NAME))));
            conn.commit();
            assertThat(conn.execute(select(NAME).orderBy(ID)).scalars(String.class).all())
                    .containsExactly("Intro v2", "Middle", "Outro v2", "Bonus", "New", "Ten");
            assertThat(new BigDecimal(conn.execute(select(PRICE).where(ID.eq(1))).scalar().toString()))
                    .isEqualByComparingTo("1.29");
        }
    }
}
