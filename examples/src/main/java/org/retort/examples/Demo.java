package org.retort.examples;

import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.foreignKey;
import static org.retort.schema.Schema.notNull;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.func;
import static org.retort.sql.Sql.insert;
import static org.retort.sql.Sql.select;
import static org.retort.sql.Sql.text;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.TEXT;
import static org.retort.types.Types.VARCHAR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.engine.Transaction;
import org.retort.schema.MetaData;
import org.retort.schema.Table;

/**
 * The README's demo: creates a SQLite database file, declares two tables, runs statements with SQL echo on,
 * and prints results.
 */
public final class Demo {
    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args optional: the database file (default {@code target/retort-demo.db})
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/retort-demo.db");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Engine engine = Engine.builder("sqlite:///" + file).echo(true).build();
        try {
            MetaData metadata = new MetaData();
            Table users = metadata.table("user_account",
                    column("id", INTEGER, primaryKey()),
                    column("name", VARCHAR(30), notNull()),
                    column("fullname", TEXT));
            Table addresses = metadata.table("address",
                    column("id", INTEGER, primaryKey()),
                    column("user_id", INTEGER, notNull(), foreignKey("user_account.id")),
                    column("email_address", VARCHAR(100), notNull()));
            metadata.createAll(engine);

            engine.begin(conn -> {
                conn.execute(insert(users), List.of(
                        Map.of("id", 1, "name", "spongebob", "fullname", "Spongebob Squarepants"),
                        Map.of("id", 2, "name", "sandy", "fullname", "Sandy Cheeks"),
                        Map.of("id", 3, "name", "patrick", "fullname", "Patrick Star")));
                conn.execute(insert(addresses), List.of(
                        Map.of("user_id", 1, "email_address", "spongebob@sqlalchemy.org"),
                        Map.of("user_id", 2, "email_address", "sandy@sqlalchemy.org"),
                        Map.of("user_id", 2, "email_address", "sandy@squirrelpower.org")));
            });

            try (Connection conn = engine.connect()) {
                System.out.println("\nUsers whose name sorts after 'p':");
                for (Row row : conn.execute(select(users.c("id"), users.c("name"), users.c("fullname"))
                        .where(users.c("name").gt("p")).orderBy(users.c("name")))) {
                    System.out.printf("  %s  %-10s %s%n", row.get("id"), row.get("name"), row.get(2));
                }

                System.out.println("\nAddresses per user (join inferred from the foreign key):");
                for (Row row : conn.execute(select(users.c("name"), func.count(addresses.c("id")).label("n"))
                        .selectFrom(users.outerjoin(addresses))
                        .groupBy(users.c("name")).orderBy(users.c("name")))) {
                    System.out.printf("  %-10s %s%n", row.get("name"), row.get("n"));
                }

                Transaction savepoint = conn.beginNested();
                conn.execute(org.retort.sql.Sql.delete(addresses));
                savepoint.rollback();                                   // the DELETE is undone
                System.out.println("\nAddresses after a rolled-back savepoint: "
                        + conn.scalar(text("SELECT count(*) FROM address")));
                System.out.println("Total users: " + conn.scalar(select(func.count()).selectFrom(users)));
            }
        } finally {
            engine.dispose();
        }
        System.out.println("Database written to " + file.toAbsolutePath());
    }
}
