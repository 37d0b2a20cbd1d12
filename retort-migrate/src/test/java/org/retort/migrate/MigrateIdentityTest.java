package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.identity;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.types.Types.BIGINT;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.VARCHAR;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.inspect.Inspector;
import org.retort.migrate.autogenerate.AutogenerateOptions;
import org.retort.schema.MetaData;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Autogenerate adds and removes IDENTITY on databases whose reflection reports it (PostgreSQL, H2). */
class MigrateIdentityTest {
    @TempDir
    Path versions;

    static MetaData model(boolean withIdentity) {
        MetaData md = new MetaData();
        md.table("id_event",
                column("id", INTEGER, primaryKey()),
                withIdentity ? column("seq", BIGINT, identity().start(100)) : column("seq", BIGINT),
                column("name", VARCHAR(20)));
        return md;
    }

    private Migrator migrator(Engine engine) {
        return Migrator.builder(engine).scripts(ScriptDirectory.fromDirectory(versions)).build();
    }

    @BackendTest(only = {"postgresql", "h2"})
    void identityIsAddedAndRemoved(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        migrator(engine).autogenerate("events", model(false), AutogenerateOptions.defaults());
        migrator(engine).upgrade("head");
        try (Connection conn = engine.connect()) {
            conn.execute(Sql.text("INSERT INTO id_event (id, seq, name) VALUES (1, 1, 'a')"));
            conn.commit();
        }
        Path second = migrator(engine).autogenerate("seq is an identity", model(true), AutogenerateOptions.defaults());
        String source = Files.readString(second);
        assertThat(source).contains(".identity(identity().start(100L))");
        migrator(engine).upgrade("head");
        assertThat(migrator(engine).compare(model(true), AutogenerateOptions.defaults())).as(source).isEmpty();
        assertThat(Inspector.of(engine).columns("id_event").get(1).identity()).isNotNull();
        try (Connection conn = engine.connect()) {
            conn.execute(Sql.text("INSERT INTO id_event (id, name) VALUES (2, 'b')"));
            assertThat(((Number) conn.execute(Sql.text("SELECT seq FROM id_event WHERE id = 2")).scalar()).longValue())
                    .isEqualTo(100L);
            conn.commit();
        }
        migrator(engine).downgrade("-1");
        assertThat(migrator(engine).compare(model(false), AutogenerateOptions.defaults())).as(source).isEmpty();
        assertThat(Inspector.of(engine).columns("id_event").get(1).identity()).isNull();
    }
}
