package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.*;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.types.Types.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.exc.CompileException;
import org.retort.schema.Column;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** JSON element access on every database with JSON functions, PostgreSQL's JSONB and ARRAY operators. */
class JsonArrayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final MetaData JSON_META = new MetaData();
    private static final Table DOCS = JSON_META.table("rt_doc", column("id", INTEGER, primaryKey()), column("doc", JSONB()));
    private static final Column<Integer> DOC_ID = DOCS.c("id", Integer.class);
    private static final Column<JsonNode> DOC = DOCS.c("doc", JsonNode.class);

    private static final MetaData ARRAY_META = new MetaData();
    private static final Table TAGGED = ARRAY_META.table("rt_tagged", column("id", INTEGER, primaryKey()),
            column("nums", ARRAY(INTEGER)));
    private static final Column<Integer> TAGGED_ID = TAGGED.c("id", Integer.class);
    @SuppressWarnings("unchecked")
    private static final Column<List<Integer>> NUMS = (Column<List<Integer>>) (Column<?>) TAGGED.c("nums");

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void jsonElementsPerDialect() {
        Select s = select(Json.get(DOC, "a").label("a"), Json.getText(DOC, "b").label("b"));
        assertThat(s.compile(PG).sql()).isEqualTo("SELECT rt_doc.doc -> ? AS a, rt_doc.doc ->> ? AS b FROM rt_doc");
        assertThat(s.compile(MYSQL).sql())
                .isEqualTo("SELECT JSON_EXTRACT(rt_doc.doc, ?) AS a, JSON_UNQUOTE(JSON_EXTRACT(rt_doc.doc, ?)) AS b FROM rt_doc");
        assertThat(s.compile(MSSQL).sql()).isEqualTo("SELECT JSON_QUERY(rt_doc.doc, ?) AS a, JSON_VALUE(rt_doc.doc, ?) AS b FROM rt_doc");
        assertThat(s.compile(ORACLE).sql()).isEqualTo("SELECT JSON_QUERY(rt_doc.doc, ?) AS a, JSON_VALUE(rt_doc.doc, ?) AS b FROM rt_doc");
        assertThat(s.compile(SQLITE).sql()).startsWith("SELECT CASE JSON_TYPE(rt_doc.doc, ?) WHEN 'object' THEN");
        assertThat(s.compile(MYSQL).params()).containsValues("$.\"a\"", "$.\"b\"");
        assertThatThrownBy(() -> s.compile(H2)).isInstanceOf(CompileException.class).hasMessageContaining("JSON");
        Select p = select(Json.pathText(DOC, "tags", 0).label("t"));
        assertThat(p.compile(PG).sql()).isEqualTo("SELECT rt_doc.doc #>> CAST(ARRAY[?, CAST(? AS TEXT)] AS TEXT[]) AS t FROM rt_doc");
        assertThat(p.compile(MARIADB).params()).containsValue("$.\"tags\"[0]");
        assertThatThrownBy(() -> Json.get(DOC, 1.5)).hasMessageContaining("String keys or Integer indexes");
    }

    @Test
    void jsonbAndArrayOperatorsOnPostgresqlOnly() {
        Select s = select(DOC_ID).where(Json.contains(DOC, json("{\"a\": 1}")), Json.hasKey(DOC, "b"),
                Json.hasAny(DOC, "x", "y"), Json.containedBy(DOC, json("{}")).not());
        assertThat(s.compile(PG).sql()).isEqualTo("SELECT rt_doc.id FROM rt_doc WHERE rt_doc.doc @> ? AND rt_doc.doc ?? ? "
                + "AND rt_doc.doc ??| ? AND NOT (rt_doc.doc <@ ?)");
        assertThat(select(DOC_ID).where(Json.hasKey(DOC, "b")).compile(PG, true).sql()).endsWith("WHERE rt_doc.doc ? 'b'");
        assertThatThrownBy(() -> s.compile(MYSQL)).isInstanceOf(CompileException.class).hasMessageContaining("@>");
        Select a = select(SqlArray.get(NUMS, 2).label("second"), SqlArray.slice(NUMS, 1, 2).label("head"))
                .where(SqlArray.contains(NUMS, List.of(1)), SqlArray.overlap(NUMS, List.of(7, 8)));
        assertThat(a.compile(PG).sql()).isEqualTo("SELECT rt_tagged.nums[?] AS second, rt_tagged.nums[?:?] AS head FROM rt_tagged "
                + "WHERE rt_tagged.nums @> ? AND rt_tagged.nums && ?");
        assertThat(select(SqlArray.get(NUMS, 1)).compile(H2).sql()).isEqualTo("SELECT rt_tagged.nums[?] AS anon_1 FROM rt_tagged");
        assertThatThrownBy(() -> select(SqlArray.slice(NUMS, 1, 2)).compile(H2)).isInstanceOf(CompileException.class);
        assertThatThrownBy(() -> select(SqlArray.get(NUMS, 1)).compile(MYSQL)).isInstanceOf(CompileException.class);
    }

    @BackendTest
    void jsonElementsRun(TestDatabase db) {
        db.require(!db.dialect().name().equals("h2"), "H2 has no JSON path functions (refused at compile time)");
        try (Connection conn = db.engine().connect()) {
            JSON_META.createAll(conn, false);
            conn.execute(insert(DOCS), List.of(
                    Map.of("id", 1, "doc", json("{\"a\": {\"x\": 1}, \"b\": \"hello\", \"tags\": [\"red\", \"blue\"]}")),
                    Map.of("id", 2, "doc", json("{\"b\": \"bye\"}"))));
            conn.commit();
            assertThat(conn.execute(select(Json.getText(DOC, "b")).orderBy(DOC_ID)).scalars(String.class).all())
                    .containsExactly("hello", "bye");
            assertThat(conn.execute(select(Json.pathText(DOC, "tags", 1)).where(DOC_ID.eq(1))).scalar()).isEqualTo("blue");
            Object a = conn.execute(select(Json.get(DOC, "a")).where(DOC_ID.eq(1))).scalar();
            assertThat(json(a.toString())).isEqualTo(json("{\"x\": 1}"));
            assertThat(conn.execute(select(DOC_ID).where(Json.getText(DOC, "b").eq("bye"))).scalars(Integer.class).all())
                    .containsExactly(2);
        }
    }

    @BackendTest
    void jsonbOperatorsRunOnPostgresql(TestDatabase db) {
        db.require(db.dialect().name().equals("postgresql"), "JSONB operators are PostgreSQL's");
        try (Connection conn = db.engine().connect()) {
            JSON_META.createAll(conn, false);
            conn.execute(insert(DOCS), List.of(Map.of("id", 1, "doc", json("{\"a\": 1, \"b\": 2}")),
                    Map.of("id", 2, "doc", json("{\"c\": 3}"))));
            assertThat(conn.execute(select(DOC_ID).where(Json.contains(DOC, json("{\"a\": 1}")))).scalars(Integer.class).all())
                    .containsExactly(1);
            assertThat(conn.execute(select(DOC_ID).where(Json.hasKey(DOC, "c"))).scalars(Integer.class).all()).containsExactly(2);
            assertThat(conn.execute(select(DOC_ID).where(Json.hasAny(DOC, "b", "c")).orderBy(DOC_ID)).scalars(Integer.class).all())
                    .containsExactly(1, 2);
            assertThat(conn.execute(select(DOC_ID).where(Json.hasAll(DOC, "a", "b"))).scalars(Integer.class).all()).containsExactly(1);
            assertThat(conn.execute(select(DOC_ID).where(Json.containedBy(DOC, json("{\"c\": 3, \"d\": 4}")))).scalars(Integer.class).all())
                    .containsExactly(2);
        }
    }

    @BackendTest
    void arrayOperatorsRun(TestDatabase db) {
        String name = db.dialect().name();
        db.require(name.equals("postgresql") || name.equals("h2"), "arrays exist on PostgreSQL and H2");
        try (Connection conn = db.engine().connect()) {
            ARRAY_META.createAll(conn, false);
            conn.execute(insert(TAGGED), List.of(Map.of("id", 1, "nums", List.of(1, 2, 3)), Map.of("id", 2, "nums", List.of(7, 9))));
            assertThat(conn.execute(select(SqlArray.get(NUMS, 2)).orderBy(TAGGED_ID)).scalars(Integer.class).all())
                    .containsExactly(2, 9);
            if (name.equals("postgresql")) {
                assertThat(conn.execute(select(SqlArray.slice(NUMS, 2, 3)).where(TAGGED_ID.eq(1))).scalar()).isEqualTo(List.of(2, 3));
                assertThat(conn.execute(select(TAGGED_ID).where(SqlArray.contains(NUMS, List.of(3, 1)))).scalars(Integer.class).all())
                        .containsExactly(1);
                assertThat(conn.execute(select(TAGGED_ID).where(SqlArray.overlap(NUMS, List.of(9, 10)))).scalars(Integer.class).all())
                        .containsExactly(2);
                assertThat(conn.execute(select(TAGGED_ID).where(SqlArray.containedBy(NUMS, List.of(7, 8, 9)))).scalars(Integer.class).all())
                        .containsExactly(2);
            }
        }
    }
}
