package org.retort.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.text;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.schema.Column;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.types.SqlType;
import org.retort.types.Types;

/** Reflects the Chinook sample database, whose DDL Retort did not write (bracket quoting, NVARCHAR, indexes). */
class ChinookReflectionTest {
    private static final Path CHINOOK = org.retort.testing.SampleData.chinookSqlite();

    @Test
    void reflectsAForeignSqliteSchemaAndReadsItsData(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("chinook.db");
        Files.copy(CHINOOK, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Engine engine = Engine.create("sqlite:///" + copy)) {
            Inspector insp = Inspector.of(engine);
            assertThat(insp.tableNames()).containsExactly("Album", "Artist", "Customer", "Employee", "Genre",
                    "Invoice", "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");
            List<String> sorted = insp.sortedTableNames(null);
            assertThat(sorted.indexOf("Album")).isGreaterThan(sorted.indexOf("Artist"));
            assertThat(sorted.indexOf("InvoiceLine")).isGreaterThan(sorted.indexOf("Invoice"))
                    .isGreaterThan(sorted.indexOf("Track"));
            assertThat(insp.primaryKey("PlaylistTrack", null))
                    .isEqualTo(new ReflectedPrimaryKey("PK_PlaylistTrack", List.of("PlaylistId", "TrackId")));
            assertThat(insp.indexes("Album", null)).extracting(ReflectedIndex::name).contains("IFK_AlbumArtistId");

            MetaData md = new MetaData();
            md.reflect(engine, null, "InvoiceLine");   // pulls in what it refers to
            assertThat(md.hasTable("Invoice")).isTrue();
            assertThat(md.hasTable("Track")).isTrue();
            assertThat(md.hasTable("Genre")).isTrue();
            Table invoice = md.table("Invoice");
            assertThat(invoice.c("BillingCity").type()).isEqualTo(Types.UNICODE(40));
            assertThat(invoice.c("Total").type()).isEqualTo(Types.NUMERIC(10, 2));
            assertThat(invoice.c("InvoiceDate").type()).isEqualTo(Types.DATETIME);
            assertThat(invoice.c("InvoiceDate").isNullable()).isFalse();
            Column<Integer> id = invoice.c("InvoiceId", Integer.class);
            assertThat(id.isPrimaryKey()).isTrue();
            assertThat(id.isAutoincrement()).isTrue();
            ForeignKeyConstraint fk = invoice.foreignKeys().get(0);
            assertThat(fk.referredTable()).isSameAs(md.table("Customer"));
            assertThat(fk.referredColumnNames()).containsExactly("CustomerId");

            Map<String, SqlType<?>> types = new LinkedHashMap<>();
            for (String c : List.of("InvoiceId", "InvoiceDate", "Total")) {
                types.put(c, invoice.c(c).type());
            }
            try (var conn = engine.connect()) {
                Row first = conn.execute(text("SELECT \"InvoiceId\", \"InvoiceDate\", \"Total\" FROM \"Invoice\" "
                        + "ORDER BY \"InvoiceId\" LIMIT 1").columns(types)).one();
                assertThat(first.get("InvoiceDate")).isEqualTo(LocalDateTime.of(2021, 1, 1, 0, 0));
                assertThat(first.get("Total")).isEqualTo(new BigDecimal("1.98"));
            }
        }
    }
}
