package org.retort.examples;

import static org.retort.sql.Sql.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;

/**
 * The README's demo: creates a SQLite database file, runs statements with SQL echo on, and prints results.
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
            engine.begin(conn -> {
                conn.execute(text("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, "
                        + "fullname TEXT)"));
                conn.execute(text("INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)"), List.of(
                        Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"),
                        Map.of("name", "sandy", "fullname", "Sandy Cheeks"),
                        Map.of("name", "patrick", "fullname", "Patrick Star")));
            });
            try (Connection conn = engine.connect()) {
                System.out.println("\nUsers whose name sorts after 'p':");
                for (Row row : conn.execute(text("SELECT id, name, fullname FROM user_account WHERE name > :n ORDER BY name"),
                        Map.of("n", "p"))) {
                    System.out.printf("  %s  %-10s %s%n", row.get("id"), row.get("name"), row.get(2));
                }
                Object count = conn.scalar(text("SELECT count(*) FROM user_account"));
                System.out.println("Total users: " + count);
            }
        } finally {
            engine.dispose();
        }
        System.out.println("Database written to " + file.toAbsolutePath());
    }
}
