package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.*;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.exc.CompileException;
import org.retort.exc.RetortException;
import org.retort.testing.BackendTest;
import org.retort.testing.HostileStrings;
import org.retort.testing.TestDatabase;
import org.retort.types.Types;

/**
 * The injection corpus ({@link HostileStrings}, over 500 strings) through every Core path that takes a user value:
 * bind parameters, executemany, IN lists, LIKE with and without autoescape, {@code text()} parameters, column
 * labels, and literal rendering under each server setting that changes how literals are parsed (PostgreSQL's
 * {@code standard_conforming_strings}, MariaDB's {@code NO_BACKSLASH_ESCAPES}). Each value is stored and read
 * back exactly or refused with a Retort exception; afterwards the {@code victim} table, which every payload writes
 * to, is still there and empty.
 */
class InjectionCorpusTest {
    private static final Fixtures.T HOSTILE = new Fixtures.T("hostile", null);
    private static final ColumnClause<Integer> ID = HOSTILE.col("id", Types.INTEGER);
    private static final ColumnClause<String> V = HOSTILE.col("v", Types.TEXT);

    private static void createTables(TestDatabase db, Connection conn) {
        String text = switch (db.dialect().name()) {
            case "mysql", "mariadb" -> "LONGTEXT";
            case "h2" -> "VARCHAR(1048576)";
            default -> "TEXT";
        };
        conn.execute(text("CREATE TABLE victim (id INTEGER)"));
        conn.execute(text("CREATE TABLE hostile (id INTEGER PRIMARY KEY, v " + text + ")"));
        conn.commit();
    }

    private static void assertNothingExecuted(Connection conn) {
        assertThat(((Number) conn.execute(select(func.count()).selectFrom(table(HostileStrings.VICTIM))).scalar())
                .intValue()).as("rows written by an injected payload").isZero();
    }

    @BackendTest
    void everyHostileStringBindsAndReadsBackExactlyOrIsRefused(TestDatabase db) {
        List<String> corpus = HostileStrings.all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        try (Connection conn = db.engine().connect()) {
            createTables(db, conn);
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<Integer, String> expected = new HashMap<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (HostileStrings.storableEverywhere(corpus.get(i))) {
                    rows.add(Map.of("id", i, "v", corpus.get(i)));
                    expected.put(i, corpus.get(i));
                }
            }
            expected.put(corpus.size(), HostileStrings.megabyte());
            rows.add(Map.of("id", corpus.size(), "v", HostileStrings.megabyte()));
            conn.execute(insert(HOSTILE), rows);
            conn.commit();
            int refused = 0;
            for (int i = 0; i < corpus.size(); i++) {
                String s = corpus.get(i);
                if (HostileStrings.storableEverywhere(s)) {
                    continue;
                }
                try {
                    conn.execute(insert(HOSTILE).values(Map.of("id", i, "v", s)));
                    conn.commit();
                    expected.put(i, s);
                } catch (RetortException e) {
                    assertThat(e.getMessage()).as("refusal of %s", Escaped.of(s)).containsAnyOf("NUL", "0x00", "surrogate");
                    conn.rollback();
                    refused++;
                }
            }
            Map<Integer, String> stored = new HashMap<>();
            for (var row : conn.execute(select(ID, V))) {
                stored.put(((Number) row.get(0)).intValue(), (String) row.get(1));
            }
            assertThat(stored).as("every value read back as written").containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(refused).as("refused values").isLessThan(corpus.size() / 4);

            for (var e : expected.entrySet()) {
                if (e.getKey() == corpus.size()) {
                    continue;
                }
                String s = e.getValue();
                assertThat(ids(conn, select(ID).where(V.eq(s)))).as("= %s", Escaped.of(s)).contains(e.getKey());
                assertThat(ids(conn, select(ID).where(V.in(s, "-")))).as("IN %s", Escaped.of(s)).contains(e.getKey());
                assertThat(ids(conn, select(ID).where(V.contains(s)))).as("contains %s", Escaped.of(s)).contains(e.getKey());
                try {
                    conn.execute(select(ID).where(V.like(s))).all(); // a pattern as given: any rows
                } catch (RetortException badPattern) {
                    // PostgreSQL refuses a pattern ending in its escape character: an error, not SQL
                    assertThat(badPattern.getMessage()).contains("LIKE pattern");
                    conn.rollback();
                }
                assertThat(conn.execute(text("SELECT id FROM hostile WHERE v = :v"), Map.of("v", s)).scalars(Object.class)
                        .all().stream().map(o -> ((Number) o).intValue()).toList()).as("text() %s", Escaped.of(s))
                        .contains(e.getKey());
            }
            assertNothingExecuted(conn);
        }
    }

    private static List<Integer> ids(Connection conn, Select select) {
        return conn.execute(select).scalars(Object.class).all().stream().map(o -> ((Number) o).intValue()).toList();
    }

    @BackendTest
    void literalRenderingReadsBackExactlyUnderEveryQuotingSetting(TestDatabase db) throws Exception {
        List<String> settings = switch (db.dialect().name()) {
            case "postgresql" -> List.of("SET standard_conforming_strings = on", "SET standard_conforming_strings = off");
            case "mysql", "mariadb" -> List.of("SET SESSION sql_mode = 'STRICT_TRANS_TABLES'",
                    "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES'",
                    "SET SESSION sql_mode = 'ANSI,NO_BACKSLASH_ESCAPES'");
            default -> List.of("");
        };
        List<String> corpus = new ArrayList<>(HostileStrings.all());
        corpus.add(HostileStrings.megabyte());
        try (Connection conn = db.engine().connect()) {
            createTables(db, conn);
            java.sql.Connection jdbc = conn.jdbcConnection();
            for (String setting : settings) {
                try (Statement st = jdbc.createStatement()) {
                    if (!setting.isEmpty()) {
                        st.execute(setting);
                    }
                    int compared = 0;
                    for (String s : corpus) {
                        String sql;
                        try {
                            sql = select(literal(s, Types.TEXT).label("v")).compile(db.dialect(), true).sql();
                        } catch (CompileException refused) {
                            assertThat(HostileStrings.storableEverywhere(s)).as("refused %s", Escaped.of(s)).isFalse();
                            continue;
                        }
                        try (ResultSet rs = st.executeQuery(sql)) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(1)).as("%s under '%s'", Escaped.of(s), setting).isEqualTo(s);
                            assertThat(rs.next()).as("one row only").isFalse();
                            if (setting.equals(settings.get(0))) { // the same SQL through text(): no :name inside is a parameter
                                assertThat(conn.execute(text(sql)).scalar()).as("text() %s", Escaped.of(s)).isEqualTo(s);
                            }
                        } catch (java.sql.SQLException tooLong) {
                            // SQLite caps statement text at 1,000,000 bytes; only the 1 MB value may meet it
                            assertThat(s.length()).as("%s: %s", Escaped.of(s), tooLong).isEqualTo(1 << 20);
                            continue;
                        }
                        compared++;
                    }
                    assertThat(compared).isGreaterThan(corpus.size() * 3 / 4);
                }
            }
            try (Statement st = jdbc.createStatement()) {
                st.execute(settings.get(0).isEmpty() ? "SELECT 1" : settings.get(0));
            }
            assertNothingExecuted(conn);
            conn.commit();
        }
    }

    @BackendTest
    @SuppressWarnings({"unchecked", "rawtypes"})
    void hostileJsonKeysAndValuesRoundTrip(TestDatabase db) {
        org.retort.schema.MetaData md = new org.retort.schema.MetaData();
        org.retort.schema.Table docs = md.table("hostile_json",
                org.retort.schema.Schema.column("id", Types.INTEGER, org.retort.schema.Schema.primaryKey()),
                org.retort.schema.Schema.column("doc", (org.retort.types.SqlType) Types.JSON(Map.class)));
        md.createAll(db.engine());
        List<String> corpus = HostileStrings.all().stream().filter(HostileStrings::storableEverywhere).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Integer, Map<String, Object>> expected = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("value", corpus.get(i));
            doc.put(corpus.get(i), List.of(corpus.get(i)));
            rows.add(Map.of("id", i + 1, "doc", doc)); // from 1: MySQL turns 0 in an AUTO_INCREMENT key into a new id
            expected.put(i + 1, doc);
        }
        try (Connection conn = db.engine().connect()) {
            createTables(db, conn);
            conn.execute(insert(docs), rows);
            conn.commit();
            Map<Integer, Object> stored = new HashMap<>();
            for (var row : conn.execute(select(docs.c("id"), docs.c("doc")))) {
                stored.put(((Number) row.get(0)).intValue(), row.get(1));
            }
            assertThat(stored).as("JSON documents with hostile keys and values").isEqualTo((Map) expected);
            assertNothingExecuted(conn);
        }
    }

    @BackendTest
    void hostileTableAndColumnNamesAreQuotedOrRefused(TestDatabase db) {
        int created = 0;
        try (Connection conn = db.engine().connect()) {
            createTables(db, conn);
            for (String s : HostileStrings.fragments()) {
                if (s.length() > 40 || !HostileStrings.storableEverywhere(s) || s.isBlank()) {
                    continue;
                }
                org.retort.schema.MetaData md = new org.retort.schema.MetaData();
                org.retort.schema.Table t = md.table("t " + s, org.retort.schema.Schema.column("c " + s, Types.TEXT));
                try {
                    md.createAll(conn, false);
                } catch (RetortException refused) {
                    conn.rollback(); // a name the database does not take is an error, never SQL
                    continue;
                }
                conn.execute(insert(t).values(Map.of("c " + s, s)));
                assertThat(conn.execute(select(t.c("c " + s))).scalars(Object.class).all()).as("table %s", Escaped.of(s))
                        .containsExactly(s);
                md.dropAll(conn, false);
                conn.commit();
                created++;
            }
            assertThat(created).as("hostile names the database took").isGreaterThan(40);
            assertNothingExecuted(conn);
        }
    }

    @BackendTest
    void hostileColumnLabelsAreQuotedOrRefused(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            createTables(db, conn);
            for (String s : HostileStrings.all()) {
                if (s.length() > 60 || !HostileStrings.storableEverywhere(s)) {
                    continue;
                }
                Select q = select(literal(1, Types.INTEGER).label(s), ID).selectFrom(HOSTILE);
                try {
                    conn.execute(q).all();
                } catch (RetortException refused) {
                    conn.rollback(); // a name the database does not take (length, characters) is an error, not SQL
                }
            }
            assertNothingExecuted(conn);
        }
    }

    /** A corpus string made printable for assertion messages. */
    record Escaped(String s) {
        static Escaped of(String s) {
            return new Escaped(s);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("\"");
            String shown = s.length() > 80 ? s.substring(0, 80) + "...(" + s.length() + " chars)" : s;
            for (char c : shown.toCharArray()) {
                sb.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
            return sb.append('"').toString();
        }
    }
}
