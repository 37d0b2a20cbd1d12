package org.retort.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.retort.bench.harness.Database;
import org.retort.bench.harness.Measurement;
import org.retort.bench.harness.Report;
import org.retort.bench.harness.SuiteConfig;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.VerificationException;
import org.retort.bench.harness.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The suite's command line: {@code quick} or {@code full}, the databases, and optional overrides; prints the
 * Markdown table and writes {@code results-<time>.json} and {@code .md} to the output directory. Exit status 0 on
 * success, 1 when a verification failed, 2 on any other error.
 */
@Command(name = "retort-bench", mixinStandardHelpOptions = true,
        description = "Runs Retort's workload suite against raw JDBC and prints the ratio of each contender to it.")
public final class Main implements Callable<Integer> {

    /** The two preset sizes. */
    enum Mode {
        /** A tenth of the full sizes, 2 warm-ups and 5 measured passes: well under 2 minutes. */
        quick,
        /** Full sizes, 1 warm-up and 5 measured passes. */
        full
    }

    @Parameters(index = "0", defaultValue = "quick", description = "quick or full (default: ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--db", split = ",", defaultValue = "sqlite,postgresql",
            description = "databases, comma-separated: sqlite, postgresql, mariadb, h2 (default: ${DEFAULT-VALUE})")
    List<String> databases;

    @Option(names = "--scale", description = "multiplies every workload's full size (quick: 0.1, full: 1)")
    Double scale;

    @Option(names = "--passes", description = "measured passes per variant (default 5)")
    Integer passes;

    @Option(names = "--warmups", description = "warm-up passes per variant (quick: 2, full: 1)")
    Integer warmups;

    @Option(names = "--workload", split = ",", description = "only these workloads, e.g. bulk_insert,short_selects")
    Set<String> workloads = Set.of();

    @Option(names = "--contender", split = ",", description = "only these contenders besides jdbc, e.g. core-text")
    Set<String> contenders = Set.of();

    @Option(names = "--out", defaultValue = "target/bench", description = "directory for the JSON, Markdown and SQLite files (default: ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Main() {
    }

    /**
     * Runs the command line.
     *
     * @param args see {@code --help}
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    System.err.println("retort-bench failed: " + e);
                    e.printStackTrace(System.err);
                    return 2;
                });
        System.exit(cli.execute(args));
    }

    private void requireKnown(String what, Set<String> given, List<String> known) {
        for (String name : given) {
            if (!known.contains(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown " + what + " '" + name
                        + "': choose from " + known);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        SuiteConfig preset = mode == Mode.full ? SuiteConfig.full() : SuiteConfig.quick();
        SuiteConfig config = new SuiteConfig(scale != null ? scale : preset.scale(),
                warmups != null ? warmups : preset.warmups(), passes != null ? passes : preset.passes(),
                workloads, contenders);
        List<Database> dbs = databases.stream().map(Database::of).toList();
        requireKnown("workload", workloads, Suite.workloads().stream().map(Workload::name).toList());
        requireKnown("contender", contenders, Suite.workloads().stream()
                .flatMap(w -> w.variants().stream().map(Variant::contender)).distinct().toList());
        long start = System.nanoTime();
        List<Measurement> results;
        try {
            results = Suite.run(config, dbs, out, System.out);
        } catch (VerificationException e) {
            System.err.println("VERIFICATION FAILED: " + e.getMessage());
            return 1;
        }
        Report report = new Report(results);
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(Instant.now().atOffset(ZoneOffset.UTC));
        Map<String, String> header = new LinkedHashMap<>();
        header.put("date", Instant.now().toString());
        header.put("mode", mode.name());
        header.put("scale", String.valueOf(config.scale()));
        header.put("warmups", String.valueOf(config.warmups()));
        header.put("passes", String.valueOf(config.passes()));
        header.put("jdk", System.getProperty("java.vm.vendor") + " " + Runtime.version());
        header.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        header.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        header.put("wall_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        String md = report.markdown();
        Files.createDirectories(out);
        Path json = out.resolve("results-" + time + ".json");
        Files.writeString(json, report.json(header), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("results-" + time + ".md"), md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(md);
        System.out.printf(Locale.ROOT, "%n%s mode, scale %s, %d warm-up + %d measured passes, %s s; JSON: %s%n",
                mode, config.scale(), config.warmups(), config.passes(), header.get("wall_seconds"), json);
        return 0;
    }
}
