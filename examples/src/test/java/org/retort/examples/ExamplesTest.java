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

    @Test
    void ormTourUsesTheGeneratedMetamodelAndTheUnitOfWork() throws Exception {
        String out = run(() -> org.retort.examples.orm.OrmTour.main(new String[0]));
        assertThat(out).contains("Customers got keys 1 and 2", "Same object from the identity map: true",
                "Modified: true", "Ada (UK): 25.00, credit 0.00", "Grace (USA): 100.00, credit 25.00");
    }

    @Test
    void blogTourLoadsAndQueriesRelatedObjects() throws Exception {
        String out = run(() -> org.retort.examples.blog.BlogTour.main(new String[0]));
        assertThat(out).contains(
                "Lazy loading: 4 statements (1 + one per author: N+1)",
                "  ada: Joins explained [#java, #sql]",
                "  ada: Window functions [#sql]",
                "  grace: Compilers for everyone [#java, #python]",
                "  linus: Kernel notes []",
                "  3 statements: authors, their posts, the posts' tags",
                "  ada wrote 2 post(s)",
                "  linus wrote 1 post(s)",
                "  authors who wrote about java: Author(ada), Author(grace)",
                "  posts by grace: Post(Compilers for everyone)",
                "  comments on Post(Joins explained): \"Finally clear\", \"What about outer joins?\"",
                "  tags of posts that have comments: #java, #sql",
                "  join(Author_.posts): [grace/Compilers for everyone, ada/Joins explained, linus/Kernel notes, "
                        + "ada/Window functions]",
                "  Compilers for everyone by grace [#java, #python] []",
                "  Joins explained by ada [#sql] [\"What about outer joins?\"]",
                "  Window functions by ada [#sql] []")
                .containsPattern("the posts: SELECT .* IN \\(")
                .containsPattern("1 statement: SELECT .*LEFT OUTER JOIN post")
                .doesNotContain("Kernel notes by");
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
