package org.retort.examples;

import static org.retort.sql.Sql.desc;
import static org.retort.sql.Sql.func;
import static org.retort.sql.Sql.select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.sql.Expression;
import org.retort.sql.Label;
import org.retort.sql.Select;

/**
 * A tour of Retort Core on the Chinook music-store database, a schema Retort did not design: reflect the tables,
 * then query them with the expression language, joins inferred from the reflected foreign keys.
 */
public final class ChinookTour {
    private ChinookTour() {
    }

    /**
     * Runs the tour on a copy of the Chinook SQLite database (the original stays untouched).
     *
     * @param args ignored
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path copy = Files.createTempFile("chinook-", ".db");
        Files.copy(SampleData.chinookSqlite(), copy, StandardCopyOption.REPLACE_EXISTING);
        try (Engine engine = Engine.create("sqlite:///" + copy)) {
            MetaData md = new MetaData();
            md.reflect(engine);
            System.out.println("Reflected tables: " + md.tables().stream().map(Table::name).sorted().toList());

            Table artist = md.table("Artist");
            Table album = md.table("Album");
            Table track = md.table("Track");
            Table genre = md.table("Genre");
            Table invoice = md.table("Invoice");

            Label<Long> tracks = func.count(track.c("TrackId")).label("tracks");
            Select topArtists = select(artist.c("Name"), tracks)
                    .selectFrom(artist.join(album).join(track))
                    .groupBy(artist.c("Name"))
                    .orderBy(desc(tracks), artist.c("Name"))
                    .limit(5);
            System.out.println("\n" + topArtists);

            Expression<?> total = func.sum(invoice.c("Total", java.math.BigDecimal.class));
            Select byCountry = select(invoice.c("BillingCountry"), total.label("revenue"))
                    .groupBy(invoice.c("BillingCountry"))
                    .having(func.count().gt(30L))
                    .orderBy(desc(total))
                    .limit(3);

            try (Connection conn = engine.connect()) {
                System.out.println("\nArtists with the most tracks:");
                for (Row row : conn.execute(topArtists)) {
                    System.out.printf("  %-22s %4s%n", row.get(0), row.get("tracks"));
                }
                System.out.println("\nBest-selling countries:");
                for (Row row : conn.execute(byCountry)) {
                    System.out.printf("  %-10s %8s%n", row.get(0), row.get("revenue"));
                }
                Object rock = conn.execute(select(func.count()).selectFrom(track.join(genre))
                        .where(genre.c("Name").eq("Rock"))).scalar();
                System.out.println("\nRock tracks: " + rock);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
