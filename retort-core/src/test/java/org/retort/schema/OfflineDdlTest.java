package org.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.*;
import static org.retort.types.Types.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialects;
import org.retort.engine.Connection;
import org.retort.inspect.Inspector;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** createAllDdl / dropAllDdl: the DDL createAll and dropAll would run, per dialect, without a database. */
class OfflineDdlTest {

    private static MetaData model() {
        MetaData m = new MetaData();
        m.table("rt_artist", column("id", INTEGER, primaryKey()), column("name", VARCHAR(100), notNull()));
        m.table("rt_album", column("id", INTEGER, primaryKey()), column("title", VARCHAR(100)),
                column("artist_id", INTEGER, foreignKey("rt_artist.id")), index("ix_rt_album_title", "title"));
        return m;
    }

    @Test
    void capturesTheStatementsInDependencyOrderPerDialect() {
        List<String> pg = model().createAllDdl(Dialects.forName("postgresql"));
        assertThat(pg).hasSize(3);
        assertThat(pg.get(0)).startsWith("CREATE TABLE rt_artist (");
        assertThat(pg.get(1)).startsWith("CREATE TABLE rt_album (").contains("FOREIGN KEY(artist_id) REFERENCES rt_artist (id)");
        assertThat(pg.get(2)).isEqualTo("CREATE INDEX ix_rt_album_title ON rt_album (title)");
        assertThat(model().createAllDdl(Dialects.forName("mssql")).get(0)).contains("IDENTITY");
        assertThat(model().dropAllDdl(Dialects.forName("oracle")))
                .containsExactly("DROP TABLE rt_album", "DROP TABLE rt_artist");
    }

    @BackendTest
    void theCapturedStatementsRunOnTheirDatabase(TestDatabase db) {
        MetaData m = model();
        try (Connection conn = db.engine().connect()) {
            for (String sql : m.createAllDdl(db.dialect())) {
                conn.execute(org.retort.sql.Sql.text(sql));
            }
            conn.commit();
            assertThat(Inspector.of(conn).hasTable("rt_album", null)).isTrue();
            assertThat(Inspector.of(conn).indexes("rt_album", null)).extracting(i -> i.name()).contains("ix_rt_album_title");
            for (String sql : m.dropAllDdl(db.dialect())) {
                conn.execute(org.retort.sql.Sql.text(sql));
            }
            conn.commit();
            assertThat(Inspector.of(conn).hasTable("rt_artist", null)).isFalse();
        }
    }
}
