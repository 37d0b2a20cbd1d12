package org.retort.sql;

import static org.retort.schema.Schema.*;
import static org.retort.types.Types.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.schema.Column;
import org.retort.schema.MetaData;
import org.retort.schema.Table;

/** A table with real types (unlike {@link Fixtures}' test types), for arithmetic, CAST and function tests. */
final class Tracks {
    private Tracks() {
    }

    static final MetaData METADATA = new MetaData();
    static final Table TRACK = METADATA.table("rt_track",
            column("id", INTEGER, primaryKey()),
            column("name", VARCHAR(200), notNull()),
            column("composer", VARCHAR(50)),
            column("milliseconds", INTEGER, notNull()),
            column("unit_price", NUMERIC(10, 2), notNull()),
            column("ratio", DOUBLE));
    static final Column<Integer> ID = TRACK.c("id", Integer.class);
    static final Column<String> NAME = TRACK.c("name", String.class);
    static final Column<String> COMPOSER = TRACK.c("composer", String.class);
    static final Column<Integer> MS = TRACK.c("milliseconds", Integer.class);
    static final Column<BigDecimal> PRICE = TRACK.c("unit_price", BigDecimal.class);
    static final Column<Double> RATIO = TRACK.c("ratio", Double.class);

    /**
     * Creates the table in the test's database with four rows.
     *
     * @param conn a connection to it
     */
    static void create(Connection conn) {
        METADATA.createAll(conn, false);
        conn.execute(Sql.insert(TRACK), List.of(
                row(1, "Intro", "Ann", 2400600, "0.99", 2.5),
                row(2, "Middle", "Bob", 7, "1.49", -7.25),
                row(3, "  Outro ", "Ann", 60000, "39.99", 0.125),
                row(4, "Bonus", null, 120000, "0.49", 1.0)));
        conn.commit();
    }

    private static Map<String, Object> row(int id, String name, String composer, int ms, String price, double ratio) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("composer", composer);
        m.put("milliseconds", ms);
        m.put("unit_price", new BigDecimal(price));
        m.put("ratio", ratio);
        return m;
    }
}
