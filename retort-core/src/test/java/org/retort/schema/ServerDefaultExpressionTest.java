package org.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.*;
import static org.retort.sql.Sql.*;
import static org.retort.types.Types.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** A server default written with a function is rendered by each dialect, and runs on every backend. */
class ServerDefaultExpressionTest {

    private static Table table(MetaData m) {
        return m.table("rt_stamped", column("id", INTEGER, primaryKey()),
                column("created", DATETIME, serverDefault(func.now())),
                column("label", VARCHAR(20), serverDefault(func.lower(literal("NEW", VARCHAR)))));
    }

    @Test
    void rendersPerDialect() {
        Table t = table(new MetaData());
        GoldenDdl.check(new CreateTable(t),
                "postgresql", """
                CREATE TABLE rt_stamped (
                	id SERIAL NOT NULL,
                	created TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
                	label VARCHAR(20) DEFAULT (lower('NEW')),
                	PRIMARY KEY (id)
                )""",
                "sqlite", """
                CREATE TABLE rt_stamped (
                	id INTEGER NOT NULL,
                	created DATETIME DEFAULT CURRENT_TIMESTAMP,
                	label VARCHAR(20) DEFAULT (lower('NEW')),
                	PRIMARY KEY (id)
                )""",
                "mssql", """
                CREATE TABLE rt_stamped (
                	id INTEGER NOT NULL IDENTITY,
                	created DATETIME2 DEFAULT CURRENT_TIMESTAMP,
                	label VARCHAR(20) DEFAULT (lower('NEW')),
                	PRIMARY KEY (id)
                )""");
        assertThat(t.c("created").serverDefault().sql()).isEqualTo("now()");
    }

    @BackendTest
    void theDatabaseFillsTheDefaults(TestDatabase db) {
        MetaData m = new MetaData();
        Table t = table(m);
        try (Connection conn = db.engine().connect()) {
            m.createAll(conn, false);
            conn.execute(insert(t).values(Map.of("id", 1)));
            Row row = conn.execute(select(t.c("created"), t.c("label"))).one();
            assertThat(row.get("created")).isNotNull();
            assertThat(row.get("label")).isEqualTo("new");
            conn.commit();
        }
    }
}
