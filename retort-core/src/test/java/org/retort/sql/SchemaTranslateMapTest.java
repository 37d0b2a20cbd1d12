package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.*;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.types.Types.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.ExecutionOptions;
import org.retort.exc.ArgumentException;
import org.retort.schema.CreateTable;
import org.retort.schema.DropTable;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * The {@code schemaTranslateMap} execution option (SQLAlchemy's {@code schema_translate_map}): schema names replaced
 * at compile time in SELECT, DML and DDL, and a compiled cache that keys on the map.
 */
class SchemaTranslateMapTest {
    private static final MetaData MD = new MetaData();
    private static final Table ITEM = MD.table("st_item",
            column("id", INTEGER, primaryKey()),
            column("label", VARCHAR(40)));
    private static final Table NOTE = MD.table("st_note",
            column("id", INTEGER, primaryKey()),
            column("item_id", INTEGER, foreignKey("st_item.id")),
            schema("archive"));

    private static SchemaTranslateMap map(String from, String to) {
        Map<String, String> m = new HashMap<>();
        m.put(from, to);
        return SchemaTranslateMap.of(m);
    }

    private static SchemaTranslateMap tenantA() {
        Map<String, String> m = new HashMap<>();
        m.put(null, "tenant_a");
        m.put("archive", null);
        return SchemaTranslateMap.of(m);
    }

    @Test
    void selectAndDmlWriteTheTranslatedSchemaPerDialect() {
        Select s = select(ITEM.c("label")).where(ITEM.c("id").eq(1));
        Map<Dialect, String> expected = Map.of(
                PG, "SELECT tenant_a.st_item.label FROM tenant_a.st_item WHERE tenant_a.st_item.id = ?",
                MARIADB, "SELECT tenant_a.st_item.label FROM tenant_a.st_item WHERE tenant_a.st_item.id = ?",
                SQLITE, "SELECT tenant_a.st_item.label FROM tenant_a.st_item WHERE tenant_a.st_item.id = ?",
                H2, "SELECT tenant_a.st_item.label FROM tenant_a.st_item WHERE tenant_a.st_item.id = ?",
                ORACLE, "SELECT tenant_a.st_item.label FROM tenant_a.st_item WHERE tenant_a.st_item.id = ?",
                MSSQL, "SELECT tenant_a.st_item.label FROM tenant_a.st_item WHERE tenant_a.st_item.id = ?");
        for (var e : expected.entrySet()) {
            assertThat(s.compile(e.getKey(), tenantA()).sql()).as(e.getKey().name()).isEqualTo(e.getValue());
            assertThat(s.compile(e.getKey()).sql()).as("no map: as declared")
                    .isEqualTo("SELECT st_item.label FROM st_item WHERE st_item.id = ?");
        }
        assertThat(select(NOTE.c("id")).join(ITEM).compile(PG, tenantA()).sql()).isEqualTo(
                "SELECT st_note.id FROM st_note JOIN tenant_a.st_item ON tenant_a.st_item.id = st_note.item_id");
        assertThat(select(NOTE.c("id")).compile(PG, map("archive", "history")).sql())
                .isEqualTo("SELECT history.st_note.id FROM history.st_note");
        assertThat(select(NOTE.c("id")).compile(PG, map("other", "x")).sql()).as("a schema not in the map")
                .isEqualTo("SELECT archive.st_note.id FROM archive.st_note");
        assertThat(insert(ITEM).values(Map.of("id", 1, "label", "a")).compile(PG, tenantA()).sql())
                .isEqualTo("INSERT INTO tenant_a.st_item (id, label) VALUES (?, ?)");
        assertThat(update(ITEM).set(Map.of("label", "b")).where(ITEM.c("id").eq(1)).compile(MARIADB, tenantA()).sql())
                .isEqualTo("UPDATE tenant_a.st_item SET label=? WHERE tenant_a.st_item.id = ?");
        assertThat(delete(ITEM).where(ITEM.c("id").eq(1)).compile(MSSQL, tenantA()).sql())
                .isEqualTo("DELETE FROM tenant_a.st_item WHERE tenant_a.st_item.id = ?");
        assertThat(map(null, "Mixed Case").translate(null)).isEqualTo("Mixed Case");
        assertThat(select(ITEM.c("id")).compile(PG, map(null, "Mixed Case")).sql())
                .isEqualTo("SELECT \"Mixed Case\".st_item.id FROM \"Mixed Case\".st_item");
    }

    @Test
    void ddlWritesTheTranslatedSchemaIncludingReferredTables() {
        assertThat(new CreateTable(ITEM).compile(PG, tenantA()).sql()).startsWith("CREATE TABLE tenant_a.st_item (");
        assertThat(new CreateTable(NOTE).compile(PG, map(null, "tenant_b")).sql())
                .startsWith("CREATE TABLE archive.st_note (")
                .contains("REFERENCES tenant_b.st_item (id)");
        assertThat(new DropTable(ITEM).compile(MARIADB, tenantA()).sql()).isEqualTo("DROP TABLE tenant_a.st_item");
        assertThat(new CreateTable(ITEM).compile(PG).sql()).startsWith("CREATE TABLE st_item (");
    }

    @Test
    void textIsWrittenAsGivenAndBadNamesAreRefused() {
        assertThat(text("SELECT * FROM st_item").compile(PG, tenantA()).sql()).isEqualTo("SELECT * FROM st_item");
        assertThatThrownBy(() -> map(null, "")).isInstanceOf(ArgumentException.class).hasMessageContaining("null");
        assertThat(SchemaTranslateMap.of(Map.of())).isSameAs(SchemaTranslateMap.empty());
        assertThat(ExecutionOptions.defaults().schemaTranslateMap(Map.of("a", "b")).schemaTranslateMap())
                .isEqualTo(map("a", "b"));
        assertThat(ExecutionOptions.defaults().schemaTranslateMap(Map.of("a", "b"))
                .mergedWith(ExecutionOptions.defaults().yieldPer(5)).schemaTranslateMap()).isEqualTo(map("a", "b"));
    }

    // ------------------------------------------------------------------ execution

    private static void createSchema(TestDatabase db, Connection conn, String name) {
        switch (db.dialect().name()) {
            case "sqlite" -> conn.execute(text("ATTACH DATABASE ':memory:' AS " + name));
            case "mysql", "mariadb" -> conn.execute(text("CREATE DATABASE " + name));
            default -> conn.execute(text("CREATE SCHEMA " + name));
        }
        conn.commit();
    }

    private static void dropSchema(TestDatabase db, Connection conn, String name) {
        conn.rollback();
        switch (db.dialect().name()) {
            case "sqlite" -> conn.execute(text("DETACH DATABASE " + name));
            case "mysql", "mariadb" -> conn.execute(text("DROP DATABASE IF EXISTS " + name));
            default -> conn.execute(text("DROP SCHEMA IF EXISTS " + name + " CASCADE"));
        }
        conn.commit();
    }

    private static ExecutionOptions into(String schema) {
        Map<String, String> m = new HashMap<>();
        m.put(null, schema);
        return ExecutionOptions.defaults().schemaTranslateMap(m);
    }

    private static List<String> labels(Connection conn, Select s) {
        return conn.execute(s).scalars(String.class).all();
    }

    @BackendTest(exclude = "sqlite-file")
    void oneTableObjectServesTwoSchemasAndTheCacheNeverMixesThem(TestDatabase db) {
        String a = "rt_st_a_" + Long.toHexString(System.nanoTime() & 0xffffff);
        String b = "rt_st_b_" + Long.toHexString(System.nanoTime() & 0xffffff);
        MetaData md = new MetaData();
        Table item = md.table("st_item", column("id", INTEGER, primaryKey()),
                column("label", VARCHAR(40)));
        Select all = select(item.c("label")).orderBy(item.c("id"));
        Engine engine = db.engine();
        boolean sqlite = db.dialect().name().equals("sqlite");
        try (Connection conn = engine.connect()) {
            createSchema(db, conn, a);
            createSchema(db, conn, b);
            try {
                conn.executionOptions(into(a));
                md.createAll(conn, true);
                conn.execute(insert(item), List.of(Map.of("id", 1, "label", "a1"), Map.of("id", 2, "label", "a2")));
                conn.commit();
                conn.executionOptions(into(b));
                md.createAll(conn, true);
                conn.execute(insert(item).values(Map.of("id", 1, "label", "b1")));
                conn.commit();

                int cached = engine.compiledCache().size();
                assertThat(labels(conn, all)).as("under %s", b).containsExactly("b1");
                conn.executionOptions(into(a));
                assertThat(labels(conn, all)).as("the same Select under %s", a).containsExactly("a1", "a2");
                conn.executionOptions(into(b));
                assertThat(labels(conn, all)).as("and back under %s", b).containsExactly("b1");
                assertThat(engine.compiledCache().size() - cached).as("one compiled form per map").isEqualTo(2);

                conn.execute(update(item).set(Map.of("label", "b1!")).where(item.c("id").eq(1)));
                conn.executionOptions(into(a));
                conn.execute(delete(item).where(item.c("id").eq(2)));
                conn.commit();
                assertThat(labels(conn, all)).containsExactly("a1");
                conn.executionOptions(into(b));
                assertThat(labels(conn, all)).containsExactly("b1!");
                assertThat(conn.execute(text("SELECT label FROM " + a + ".st_item")).scalars(String.class).all())
                        .as("rows landed in schema %s itself", a).containsExactly("a1");

                if (!sqlite) { // an attached SQLite database belongs to one connection
                    Engine onA = engine.executionOptions(into(a));
                    assertThat(onA.compiledCache()).isSameAs(engine.compiledCache());
                    try (Connection other = onA.connect()) {
                        assertThat(labels(other, all)).as("an engine copy with the option").containsExactly("a1");
                    }
                }
                md.dropAll(conn, true);
                conn.executionOptions(into(a));
                md.dropAll(conn, true);
                conn.commit();
                if (!sqlite) {
                    assertThat(org.retort.inspect.Inspector.of(conn).hasTable("st_item", a)).isFalse();
                }
            } finally {
                dropSchema(db, conn, a);
                dropSchema(db, conn, b);
            }
        }
    }
}
