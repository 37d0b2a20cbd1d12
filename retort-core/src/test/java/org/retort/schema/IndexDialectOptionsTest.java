package org.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.*;
import static org.retort.types.Types.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Dialect options on indexes are rendered by their dialect, refused when unknown to it, ignored by the others. */
class IndexDialectOptionsTest {

    private static Table table(Index ix) {
        MetaData m = new MetaData();
        return m.table("rt_doc", column("id", INTEGER, primaryKey()), column("title", VARCHAR(200)),
                column("body", TEXT), column("score", INTEGER), ix);
    }

    private static CreateIndex create(Index ix) {
        return new CreateIndex(table(ix).indexes().get(0));
    }

    @Test
    void postgresqlIncludeAndUsing() {
        GoldenDdl.check(create(index("ix_title", "title").dialectOption("postgresql_include", List.of("score", "id"))
                        .dialectOption("postgresql_using", "btree")),
                "postgresql", "CREATE INDEX ix_title ON rt_doc USING btree (title) INCLUDE (score, id)",
                "sqlite", "CREATE INDEX ix_title ON rt_doc (title)",
                "mysql", "CREATE INDEX ix_title ON rt_doc (title)");
    }

    @Test
    void mysqlLengthPrefixAndUsing() {
        GoldenDdl.check(create(index("ix_title", "title", "body").dialectOption("mysql_length", Map.of("title", 10, "body", 20))
                        .dialectOption("mysql_using", "btree")),
                "mysql", "CREATE INDEX ix_title ON rt_doc (title(10), body(20)) USING BTREE",
                "mariadb", "CREATE INDEX ix_title ON rt_doc (title(10), body(20)) USING BTREE",
                "postgresql", "CREATE INDEX ix_title ON rt_doc (title, body)");
        GoldenDdl.check(create(index("ix_body", "body").dialectOption("mariadb_length", 30)),
                "mariadb", "CREATE INDEX ix_body ON rt_doc (body(30))",
                "mysql", "CREATE INDEX ix_body ON rt_doc (body)");
        GoldenDdl.check(create(index("ix_ft", "body").dialectOption("mysql_prefix", "fulltext")),
                "mysql", "CREATE FULLTEXT INDEX ix_ft ON rt_doc (body)");
    }

    @Test
    void mssqlClusteredAndInclude() {
        GoldenDdl.check(create(index("ix_title", "title").dialectOption("mssql_clustered", false)
                        .dialectOption("mssql_include", "score")),
                "mssql", "CREATE NONCLUSTERED INDEX ix_title ON rt_doc (title) INCLUDE (score)");
        GoldenDdl.check(create(index("ix_title", "title").dialectOption("mssql_clustered", true)),
                "mssql", "CREATE CLUSTERED INDEX ix_title ON rt_doc (title)");
        GoldenDdl.check(create(index("ix_title", "title").dialectOption("oracle_bitmap", true)),
                "oracle", "CREATE BITMAP INDEX ix_title ON rt_doc (title)");
    }

    @Test
    void anOptionTheDialectDoesNotKnowIsRefused() {
        GoldenDdl.check(create(index("ix_title", "title").dialectOption("postgresql_concurrently", true)),
                "postgresql", "!Index 'ix_title': postgresql has no index option 'concurrently'; known options are [include, using]",
                "sqlite", "CREATE INDEX ix_title ON rt_doc (title)");
        GoldenDdl.check(create(index("ix_title", "title").dialectOption("sqlite_where", "x")),
                "sqlite", "!Index 'ix_title': sqlite has no index option 'where'; it takes none");
        GoldenDdl.check(create(index("ix_title", "title").dialectOption("mysql_length", "ten")),
                "mysql", "!Index 'ix_title': mysql_length takes a positive int");
    }

    @BackendTest
    void optionsRunOnTheirDatabase(TestDatabase db) {
        String name = db.dialect().name();
        Index ix = index("ix_rt_doc_title", "title", "body")
                .dialectOption("postgresql_include", List.of("score"))
                .dialectOption("mysql_length", Map.of("body", 50));
        MetaData m = new MetaData();
        m.table("rt_doc", column("id", INTEGER, primaryKey()), column("title", VARCHAR(200)), column("body", TEXT),
                column("score", INTEGER), ix);
        try (Connection conn = db.engine().connect()) {
            if (name.equals("h2")) {
                // H2 cannot index a TEXT (CLOB) column at all; the option-free index on title alone shows it runs
                MetaData h2 = new MetaData();
                h2.table("rt_doc", column("id", INTEGER, primaryKey()), column("title", VARCHAR(200)),
                        index("ix_rt_doc_title", "title").dialectOption("postgresql_include", List.of("id")));
                h2.createAll(conn, false);
            } else {
                m.createAll(conn, false);
            }
            conn.commit();
            assertThat(org.retort.inspect.Inspector.of(conn).indexes("rt_doc", null))
                    .extracting(i -> i.name()).contains("ix_rt_doc_title");
        }
    }
}
