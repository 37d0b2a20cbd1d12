package org.retort.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example program and checks what it prints, so the examples cannot rot. */
class ExamplesTest {

    private static String run(ThrowingRunnable program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    @Test
    void demoCreatesADatabaseAndPrintsTheUsers(@TempDir Path dir) throws Exception {
        String out = run(() -> Demo.main(new String[] {dir.resolve("demo.db").toString()}));
        assertThat(out).contains("patrick", "Sandy Cheeks", "Total users: 3", "Addresses after a rolled-back savepoint: 3")
                .containsPattern("sandy +2");
    }

    @Test
    void chinookTourQueriesTheReflectedSchema() throws Exception {
        String out = run(() -> ChinookTour.main(new String[0]));
        assertThat(out).contains("Reflected tables: [Album, Artist, Customer")
                .contains("Iron Maiden")
                .contains("USA")
                .contains("Rock tracks: 1297");
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
