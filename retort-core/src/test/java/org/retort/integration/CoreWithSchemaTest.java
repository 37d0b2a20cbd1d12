package org.retort.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.foreignKey;
import static org.retort.schema.Schema.notNull;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.func;
import static org.retort.sql.Sql.insert;
import static org.retort.sql.Sql.select;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.TEXT;
import static org.retort.types.Types.VARCHAR;

import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.schema.Column;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.sql.Select;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** DESIGN.md section 4's example, end to end: schema Tables, DDL, the expression language and the engine together. */
class CoreWithSchemaTest {

    private static MetaData metadata() {
        MetaData metadata = new MetaData();
        metadata.table("user_account",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(30), notNull()),
                column("fullname", TEXT));
        metadata.table("address",
                column("id", INTEGER, primaryKey()),
                column("user_id", INTEGER, notNull(), foreignKey("user_account.id")),
                column("email_address", VARCHAR(100), notNull()));
        return metadata;
    }

    @BackendTest
    void designDocumentExampleRunsOnEveryBackend(TestDatabase db) {
        Engine engine = db.engine();
        MetaData metadata = metadata();
        Table users = metadata.table("user_account");
        Column<Integer> id = users.c("id", Integer.class);
        metadata.createAll(engine);
        engine.begin(conn -> conn.execute(insert(users), List.of(
                Map.of("id", 1, "name", "sandy"), Map.of("id", 6, "name", "squidward"),
                Map.of("id", 7, "name", "spongebob"), Map.of("id", 8, "name", "spongebob"))));

        Select stmt = select(users.c("name"), func.count().label("n"))
                .where(users.c("name").like("s%").and(id.gt(5)))
                .groupBy(users.c("name")).orderBy(users.c("name").desc()).limit(10);
        assertThat(stmt.compile(engine.dialect()).sql()).contains("GROUP BY").contains("ORDER BY");
        try (Connection conn = engine.connect()) {
            List<Row> rows = conn.execute(stmt).all();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("name")).isEqualTo("squidward");
            assertThat(((Number) rows.get(1).get("n")).intValue()).isEqualTo(2);
            List<String> names = conn.execute(select(users.c("name")).orderBy(id)).scalars(String.class).all();
            assertThat(names).containsExactly("sandy", "squidward", "spongebob", "spongebob");
        }
        metadata.dropAll(engine);
    }

    @BackendTest
    void joinInfersItsOnClauseFromTheSchemaForeignKey(TestDatabase db) {
        Engine engine = db.engine();
        MetaData metadata = metadata();
        Table users = metadata.table("user_account");
        Table addresses = metadata.table("address");
        metadata.createAll(engine);
        engine.begin(conn -> {
            conn.execute(insert(users), List.of(Map.of("id", 1, "name", "sandy"), Map.of("id", 2, "name", "patrick")));
            conn.execute(insert(addresses), List.of(
                    Map.of("id", 10, "user_id", 1, "email_address", "sandy@example.com"),
                    Map.of("id", 11, "user_id", 1, "email_address", "sandy@squirrel.org"),
                    Map.of("id", 12, "user_id", 2, "email_address", "pat@example.com")));
        });
        Select stmt = select(users.c("name"), addresses.c("email_address"))
                .selectFrom(users.join(addresses))
                .where(users.c("name").eq("sandy"))
                .orderBy(addresses.c("email_address"));
        assertThat(stmt.toString()).contains("JOIN address ON user_account.id = address.user_id");
        try (Connection conn = engine.connect()) {
            List<Row> rows = conn.execute(stmt).all();
            assertThat(rows).extracting(r -> r.get(1)).containsExactly("sandy@example.com", "sandy@squirrel.org");
            assertThat(rows.get(0).getByColumn(addresses.c("email_address"))).isEqualTo("sandy@example.com");
        }
        metadata.dropAll(engine);
    }

    @BackendTest
    void javaSideDefaultsOfSchemaColumnsApplyOnInsertAndUpdate(TestDatabase db) {
        Engine engine = db.engine();
        java.util.concurrent.atomic.AtomicInteger version = new java.util.concurrent.atomic.AtomicInteger();
        MetaData metadata = new MetaData();
        Table docs = metadata.table("doc",
                column("id", INTEGER, primaryKey()),
                column("status", VARCHAR(10), org.retort.schema.Schema.defaultValue("draft")),
                column("revision", INTEGER, org.retort.schema.Schema.defaultValue(
                        (java.util.function.Supplier<Integer>) version::incrementAndGet),
                        org.retort.schema.Schema.onUpdate((java.util.function.Supplier<Integer>) () -> 100)));
        metadata.createAll(engine);
        engine.begin(conn -> conn.execute(insert(docs), List.of(Map.of("id", 1), Map.of("id", 2, "status", "final"))));
        engine.begin(conn -> conn.execute(org.retort.sql.Sql.update(docs).set(docs.c("status"), "edited")
                .where(docs.c("id").eq(2))));
        try (Connection conn = engine.connect()) {
            List<Row> rows = conn.execute(select(docs.c("status"), docs.c("revision")).orderBy(docs.c("id"))).all();
            assertThat(rows.get(0).get(0)).isEqualTo("draft");
            assertThat(((Number) rows.get(0).get(1)).intValue()).isEqualTo(1);
            assertThat(rows.get(1).get(0)).isEqualTo("edited");
            assertThat(((Number) rows.get(1).get(1)).intValue()).isEqualTo(100);
        }
        metadata.dropAll(engine);
    }
}
