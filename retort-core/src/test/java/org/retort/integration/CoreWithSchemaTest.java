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

    @BackendTest
    void aSequenceColumnDrawsItsValuesOnInsertOrFallsBackToAutoincrement(TestDatabase db) {
        Engine engine = db.engine();
        MetaData metadata = new MetaData();
        Table t = metadata.table("ticket",
                column("id", INTEGER, primaryKey(), org.retort.schema.Sequence.named("ticket_seq").startWith(100)),
                column("title", VARCHAR(20)));
        metadata.createAll(engine);
        String sql = insert(t).values(Map.of("title", "x")).compile(engine.dialect()).sql();
        engine.begin(conn -> conn.execute(insert(t), List.of(Map.of("title", "a"), Map.of("title", "b"))));
        try (Connection conn = engine.connect()) {
            List<Integer> ids = conn.execute(select(t.c("id")).orderBy(t.c("id"))).scalars(Integer.class).all();
            assertThat(ids).hasSize(2).doesNotContainNull();
            if (engine.dialect().supportsSequences()) {
                assertThat(ids).containsExactly(100, 101);
                assertThat(sql).containsAnyOf("nextval('ticket_seq')", "NEXT VALUE FOR ticket_seq");
            }
        }
        metadata.dropAll(engine);
    }

    @org.junit.jupiter.api.Test
    void sequenceNextValueIsSpelledPerDialect() {
        MetaData metadata = new MetaData();
        Table t = metadata.table("ticket",
                column("id", INTEGER, primaryKey(), org.retort.schema.Sequence.named("ticket_seq")),
                column("title", VARCHAR(20)));
        assertThat(insert(t).values(Map.of("title", "x")).compile(org.retort.dialect.Dialects.forName("postgresql")).sql())
                .isEqualTo("INSERT INTO ticket (id, title) VALUES (nextval('ticket_seq'), ?)");
        assertThat(insert(t).values(Map.of("title", "x")).compile(org.retort.dialect.Dialects.forName("oracle")).sql())
                .isEqualTo("INSERT INTO ticket (id, title) VALUES (ticket_seq.nextval, ?)");
        assertThat(insert(t).values(Map.of("title", "x")).compile(org.retort.dialect.Dialects.forName("mssql")).sql())
                .isEqualTo("INSERT INTO ticket (id, title) VALUES (NEXT VALUE FOR ticket_seq, ?)");
        // a user's own function of that name is an ordinary call, not a sequence
        assertThat(select(func.call("next_value", 1, 2)).compile(org.retort.dialect.Dialects.forName("postgresql"))
                .sql()).isEqualTo("SELECT next_value(?, ?) AS next_value_1");
    }

    @org.junit.jupiter.api.Test
    void twoForeignKeysBetweenTheSameTablesMakeAnInferredJoinAnErrorNamingThem() {
        MetaData metadata = new MetaData();
        Table users = metadata.table("user_account", column("id", INTEGER, primaryKey()));
        Table messages = metadata.table("message",
                column("id", INTEGER, primaryKey()),
                column("sender_id", INTEGER, foreignKey("user_account.id")),
                column("recipient_id", INTEGER, foreignKey("user_account.id")));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> select(messages.c("id")).selectFrom(users.join(messages)).toString())
                .isInstanceOf(org.retort.exc.ArgumentException.class)
                .hasMessageContaining("2 foreign key constraints").hasMessageContaining("join(target, condition)");
        assertThat(select(messages.c("id")).selectFrom(users.join(messages, users.c("id").eq(messages.c("sender_id"))))
                .toString()).contains("ON user_account.id = message.sender_id");
    }
}
