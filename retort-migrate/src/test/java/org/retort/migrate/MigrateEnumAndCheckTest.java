package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.check;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.types.Types.INTEGER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.migrate.autogenerate.AutogenerateOptions;
import org.retort.migrate.autogenerate.SchemaChange;
import org.retort.schema.MetaData;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.retort.types.EnumType;

/**
 * Autogenerate finds what Alembic does not: new enum values (a PostgreSQL enum type, an inline MySQL/MariaDB or
 * H2 ENUM, the CHECK that stands in for an enum elsewhere) and a changed CHECK condition; the revision applies
 * and, where the database allows, its downgrade puts the old values back.
 */
class MigrateEnumAndCheckTest {
    @TempDir
    Path versions;

    static MetaData model(boolean second) {
        MetaData md = new MetaData();
        md.table("en_ticket",
                column("id", INTEGER, primaryKey()),
                second ? column("status", new EnumType<>(TicketStates.StatusV2.class, "status", true))
                        : column("status", new EnumType<>(TicketStates.StatusV1.class, "status", true)),
                second ? column("kind", new EnumType<>(TicketStates.KindV2.class, "kind", false))
                        : column("kind", new EnumType<>(TicketStates.KindV1.class, "kind", false)),
                column("qty", INTEGER),
                check(second ? "qty > 1" : "qty > 0").named("ck_en_ticket_qty"));
        return md;
    }

    private Migrator migrator(Engine engine) {
        return Migrator.builder(engine).scripts(ScriptDirectory.fromDirectory(versions)).build();
    }

    @BackendTest
    void enumValuesAndCheckConditionsChangeAndChangeBack(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        migrator(engine).autogenerate("tickets", model(false), AutogenerateOptions.defaults());
        migrator(engine).upgrade("head");
        assertThat(migrator(engine).compare(model(false), AutogenerateOptions.defaults())).isEmpty();
        try (Connection conn = engine.connect()) {
            conn.execute(Sql.text("INSERT INTO en_ticket (id, status, kind, qty) VALUES (1, 'OPEN', 'B', 5)"));
            conn.commit();
        }

        List<SchemaChange> changes = migrator(engine).compare(model(true), AutogenerateOptions.defaults());
        assertThat(changes).extracting(SchemaChange::describe)
                .contains("changed enum values of column en_ticket.status from [NEW, OPEN] to [NEW, OPEN, CLOSED]",
                        "changed enum values of column en_ticket.kind from [A, B] to [A, B, LONGER]",
                        "removed check constraint ck_en_ticket_qty on en_ticket",
                        "added check constraint ck_en_ticket_qty on en_ticket");
        Path second = migrator(engine).autogenerate("more states", model(true), AutogenerateOptions.defaults());
        String source = Files.readString(second);
        migrator(engine).upgrade("head");
        assertThat(migrator(engine).compare(model(true), AutogenerateOptions.defaults())).as(source).isEmpty();
        try (Connection conn = engine.connect()) {
            conn.execute(Sql.text("INSERT INTO en_ticket (id, status, kind, qty) VALUES (2, 'CLOSED', 'LONGER', 7)"));
            conn.execute(Sql.text("DELETE FROM en_ticket WHERE id = 2"));
            conn.commit();
        }

        migrator(engine).downgrade("-1");
        List<SchemaChange> left = migrator(engine).compare(model(false), AutogenerateOptions.defaults());
        if (db.name().equals("postgresql")) {
            // PostgreSQL cannot drop a value from an enum type; the revision says so in a comment
            assertThat(source).contains("PostgreSQL cannot drop values from enum type status");
            assertThat(left).extracting(SchemaChange::describe).containsExactly(
                    "changed enum values of column en_ticket.status from [NEW, OPEN, CLOSED] to [NEW, OPEN]");
        } else {
            assertThat(left).as(source).isEmpty();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(Sql.text("SELECT kind FROM en_ticket WHERE id = 1")).scalar()).isEqualTo("B");
        }
    }
}
