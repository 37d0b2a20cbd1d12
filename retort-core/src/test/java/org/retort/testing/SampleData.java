package org.retort.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Chinook sample database that ships with the repository ({@code data/chinook}).
 * Set the system property {@code retort.chinook} or the environment variable {@code RETORT_CHINOOK} to point at
 * another copy of {@code Chinook_Sqlite.sqlite}.
 */
public final class SampleData {
    private static final String RELATIVE = "data/chinook/Chinook_Sqlite.sqlite";

    private SampleData() {
    }

    /**
     * Locates the Chinook SQLite file.
     *
     * @return its path
     * @throws IllegalStateException when it cannot be found, naming the places searched
     */
    public static Path chinookSqlite() {
        String configured = System.getProperty("retort.chinook", System.getenv("RETORT_CHINOOK"));
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Chinook_Sqlite.sqlite not found: looked for " + RELATIVE + " in every parent "
                + "of " + Path.of("").toAbsolutePath() + "; set -Dretort.chinook=/path/to/Chinook_Sqlite.sqlite");
    }
}
