package org.retort.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.text;
import static org.retort.types.Types.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.schema.ColumnDef;
import org.retort.schema.MetaData;
import org.retort.schema.TableElement;
import org.retort.sql.TextClause;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Every type written and read back on every backend: nulls, extremes, time zones, unicode, large values. */
class TypeRoundTripTest {

    enum Mood { HAPPY, SAD, IT_S_COMPLICATED }

    private record Case(String column, SqlType<?> type, List<Object> values) {
    }

    private static List<Object> values(Object... v) {
        return new ArrayList<>(Arrays.asList(v));
    }

    private static List<Case> cases(TestDatabase db) throws Exception {
        JsonNode doc = new ObjectMapper().readTree("{\"a\": [1, 2.5, \"x\", null, true], \"ü\": {\"n\": null}, "
                + "\"big\": 12345678901234}");
        byte[] big = new byte[1_000_000];
        new Random(7).nextBytes(big);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String longText = "ünïcödé ✓ 日本語 🎉 ".repeat(2_000);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("c_int", INTEGER, values(Integer.MIN_VALUE, Integer.MAX_VALUE, 0)),
                new Case("c_small", SMALLINT, values(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0)),
                new Case("c_big", BIGINT, values(Long.MIN_VALUE, Long.MAX_VALUE, 0L)),
                new Case("c_bool", BOOLEAN, values(true, false, true)),
                new Case("c_varchar", VARCHAR(200), values("héllo wörld ✓ 日本語 🎉", "it's \"quoted\" \\ back", "x")),
                new Case("c_text", TEXT, values(longText, "", "\n\t")),
                new Case("c_char", CHAR(5), values("abcde", "ÄÖÜäö", "12345")),
                new Case("c_unicode", UNICODE(50), values("ünï", "Ωmega", "z")),
                // SQLite keeps 15 significant digits of a NUMERIC (its NUMERIC affinity turns text into REAL)
                new Case("c_numeric", NUMERIC(20, 6), values(new BigDecimal(db.isSqlite() ? "123456789.123456"
                        : "12345678901234.123456"),
                        new BigDecimal("-0.000001"), new BigDecimal("0.000000"))),
                new Case("c_float", FLOAT, values(0.5, -1500.25, 0.0)),
                new Case("c_double", DOUBLE, values(Math.PI, 1.0E300, -2.2250738585072014E-308)),
                new Case("c_date", DATE, values(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31),
                        LocalDate.of(2024, 2, 29))),
                new Case("c_time", TIME, values(LocalTime.of(23, 59, 59, 999_999_000), LocalTime.MIDNIGHT,
                        LocalTime.of(12, 0, 0, 1000))),
                new Case("c_datetime", DATETIME, values(LocalDateTime.of(1970, 1, 1, 0, 0),
                        LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000))),
                new Case("c_tz", DATETIME_TZ, values(OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                        OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 1000, ZoneOffset.UTC),
                        OffsetDateTime.of(1999, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-8)))),
                new Case("c_interval", INTERVAL, values(Duration.ofDays(3).plusHours(4).plusNanos(123_456_000),
                        Duration.ofMinutes(-90), Duration.ZERO)),
                new Case("c_blob", LARGE_BINARY(16_000_000), values(big, all, new byte[] {0})),
                new Case("c_uuid", UUID, values(java.util.UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1))),
                new Case("c_uuid32", new UuidType(false), values(java.util.UUID.randomUUID(), new UUID(0, 1),
                        new UUID(-1, -1))),
                new Case("c_json", JSON(), values(doc, new ObjectMapper().readTree("[]"),
                        new ObjectMapper().readTree("\"just a string\""))),
                new Case("c_jsonb", JSONB(), values(doc, new ObjectMapper().readTree("{}"),
                        new ObjectMapper().readTree("42"))),
                new Case("c_enum", ENUM(Mood.class), values(Mood.HAPPY, Mood.IT_S_COMPLICATED, Mood.SAD)),
                new Case("c_variant", VARCHAR(20).withVariant(TEXT, "postgresql"), values("v", "w", "x"))));
        if (db.name().equals("postgresql") || db.name().equals("h2")) {
            cases.add(new Case("c_array", ARRAY(INTEGER), values(List.of(1, 2, 3), List.of(), Arrays.asList(1, null, 3))));
        }
        if (db.name().equals("postgresql")) {
            cases.add(new Case("c_inet", INET, values("192.168.0.1/24", "::1", "10.0.0.1")));
        }
        return cases;
    }

    @BackendTest
    void everyTypeRoundTripsWithNullsAndExtremes(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        List<Case> cases = cases(db);
        List<TableElement> cols = new ArrayList<>();
        cols.add(column("id", INTEGER, primaryKey()));
        for (Case c : cases) {
            cols.add(new ColumnDef<>(c.column(), c.type(), List.of()));
        }
        MetaData md = new MetaData();
        md.table("all_types", cols.toArray(TableElement[]::new));
        md.createAll(engine);

        StringBuilder names = new StringBuilder("id");
        StringBuilder params = new StringBuilder(":id");
        for (Case c : cases) {
            names.append(", ").append(c.column());
            params.append(", :").append(c.column());
        }
        TextClause insert = text("INSERT INTO all_types (" + names + ") VALUES (" + params + ")");
        Map<String, SqlType<?>> types = new LinkedHashMap<>();
        types.put("id", INTEGER);
        for (Case c : cases) {
            insert = insert.bindType(c.column(), c.type());
            types.put(c.column(), c.type());
        }
        try (Connection conn = engine.connect()) {
            for (int row = 0; row < 4; row++) {
                Map<String, Object> p = new HashMap<>();
                p.put("id", row + 1);
                for (Case c : cases) {
                    p.put(c.column(), row < 3 ? c.values().get(row) : null);
                }
                conn.execute(insert, p);
            }
            conn.commit();
            List<Row> rows = conn.execute(text("SELECT " + names + " FROM all_types ORDER BY id").columns(types)).all();
            assertThat(rows).hasSize(4);
            for (int row = 0; row < 4; row++) {
                for (Case c : cases) {
                    Object got = rows.get(row).get(c.column());
                    String where = db.name() + " " + c.column() + " row " + row;
                    if (row == 3) {
                        assertThat(got).as(where).isNull();
                        continue;
                    }
                    Object want = c.values().get(row);
                    if (want instanceof OffsetDateTime w) {
                        assertThat((OffsetDateTime) got).as(where).isAtSameInstantAs(w);
                    } else if (want instanceof byte[] w) {
                        assertThat((byte[]) got).as(where).isEqualTo(w);
                    } else if (want instanceof BigDecimal w) {
                        assertThat((BigDecimal) got).as(where).isEqualTo(w);
                    } else {
                        assertThat(got).as(where).isEqualTo(want);
                    }
                }
            }
        }
    }
}
