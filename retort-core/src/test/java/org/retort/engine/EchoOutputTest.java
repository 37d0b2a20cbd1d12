package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retort.exc.ArgumentException;

/**
 * The echo is visible whatever the logging set-up: through SLF4J when a provider logs {@code org.retort.engine} at
 * INFO, on standard output otherwise. Each case runs {@link EchoProgram} in a child JVM whose class path has, or
 * has not, an SLF4J provider, and reads what it printed.
 */
class EchoOutputTest {

    @Test
    void withNoSlf4jProviderTheEchoGoesToStandardOutput() throws Exception {
        Output out = run(withoutProvider(), List.of(), "true");
        assertThat(out.stdout).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO org.retort.engine "
                + "SELECT \\? AS greeting");
        assertThat(out.stdout).contains("INFO org.retort.engine [parameters: ('hello',)]");
        assertThat(out.stdout).contains("INFO org.retort.engine BEGIN (implicit)");
        assertThat(out.stdout).doesNotContain("Row (");
        assertThat(out.stderr).contains("No SLF4J providers were found"); // SLF4J's own notice: really none bound
    }

    @Test
    void echoDebugAlsoShowsColumnsAndRows() throws Exception {
        Output out = run(withoutProvider(), List.of(), "debug");
        assertThat(out.stdout).contains("INFO org.retort.engine SELECT ? AS greeting")
                .contains("DEBUG org.retort.engine Col ('greeting',)")
                .contains("DEBUG org.retort.engine Row ('hello',)");
    }

    @Test
    void underAWarnRootLoggerTheEchoStillReachesStandardOutput() throws Exception {
        Output out = run(System.getProperty("java.class.path"),
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), "true");
        assertThat(out.stdout).contains("INFO org.retort.engine SELECT ? AS greeting");
    }

    @Test
    void whenTheProviderLogsInfoTheEchoGoesThroughSlf4jOnly() throws Exception {
        // slf4j-simple writes to standard error: the line is there, in its format, and not on standard output
        Output out = run(System.getProperty("java.class.path"),
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"), "true");
        assertThat(out.stderr).contains("INFO org.retort.engine - SELECT ? AS greeting");
        assertThat(out.stdout).doesNotContain("SELECT");
    }

    @Test
    void echoByNameAcceptsSqlAlchemysValuesAndRefusesOthers() {
        List<String> lines = new ArrayList<>();
        try (Engine engine = Engine.builder("sqlite://").echo("DEBUG").echoTo(lines::add).build();
             Connection conn = engine.connect()) {
            assertThat(engine.echoRows()).isTrue();
            conn.execute(text("SELECT 1 AS a, 'x' AS b")).all();
        }
        assertThat(lines).contains("Col ('a', 'b')", "Row (1, 'x')");
        assertThat(Engine.builder("sqlite://").echo("info").build().echoRows()).isFalse();
        assertThat(Engine.builder("sqlite://").echo("off").build().echo()).isFalse();
        assertThatThrownBy(() -> Engine.builder("sqlite://").echo("loud"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("\"debug\"").hasMessageContaining("loud");
    }

    private static String withoutProvider() {
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("slf4j-simple") && !e.contains("logback") && !e.contains("log4j"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(cp).contains("slf4j-api");
        return cp;
    }

    private record Output(String stdout, String stderr) {
    }

    @TempDir
    Path tmp;

    private Output run(String classpath, List<String> jvmOptions, String echo) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classpath, EchoProgram.class.getName(), echo));
        Path stdout = tmp.resolve("out.txt");
        Path stderr = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        Output out = new Output(Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
        assertThat(p.exitValue()).as("child exit; stderr: " + out.stderr).isZero();
        return out;
    }

    /** The child program: one echoed query on in-memory SQLite. */
    public static final class EchoProgram {
        private EchoProgram() {
        }

        /**
         * Runs one query with the echo set by name.
         *
         * @param args the echo mode
         */
        public static void main(String[] args) {
            try (Engine engine = Engine.builder("sqlite://").echo(args[0]).build();
                 Connection conn = engine.connect()) {
                conn.execute(text("SELECT :g AS greeting"), Map.of("g", "hello")).all();
            }
        }
    }
}
