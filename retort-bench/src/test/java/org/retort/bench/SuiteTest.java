package org.retort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Database;
import org.retort.bench.harness.Measurement;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Report;
import org.retort.bench.harness.SuiteConfig;
import org.retort.bench.harness.SuiteRunner;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.VerificationException;
import org.retort.bench.harness.Workload;
import org.retort.bench.workload.SingleInserts;

/**
 * Keeps the bench from rotting: the whole suite runs at 1% of its sizes on the embedded databases, every
 * variant of every workload must run and pass its verification, and a variant that does the wrong thing must
 * fail the run. Not a timed test: nothing here asserts speed.
 */
class SuiteTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Database.class, names = {"SQLITE", "H2"})
    void everyVariantOfEveryWorkloadRunsAndVerifiesAtOnePercent(Database database) throws Exception {
        SuiteConfig config = new SuiteConfig(0.01, 1, 1, Set.of(), Set.of());

        List<Measurement> results = Suite.run(config, List.of(database), dir, QUIET);

        List<String> expected = Suite.workloads().stream()
                .flatMap(w -> w.variants().stream().map(v -> w.name() + "/" + v.contender()))
                .toList();
        assertThat(expected).contains("bulk_insert/jdbc", "bulk_insert/core-text", "single_inserts/core-text",
                "large_result_rows/core-text", "large_result_scalars/core-text", "short_selects/core-text",
                "bulk_update/core-text");
        for (String workload : List.of("bulk_insert", "single_inserts", "large_result_rows", "large_result_scalars",
                "short_selects", "bulk_update")) {
            assertThat(expected).contains(workload + "/core", workload + "/orm");
        }
        assertThat(expected).contains("bulk_insert/orm-bulk", "bulk_insert/orm-1flush", "bulk_update/orm-1flush");
        for (String workload : List.of("load_selectin", "load_joined", "graph_flush")) {
            assertThat(expected).contains(workload + "/jdbc", workload + "/orm");
        }
        assertThat(results).extracting(m -> m.workload() + "/" + m.contender())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(results).allSatisfy(m -> {
            assertThat(m.database()).isEqualTo(database);
            assertThat(m.size()).isPositive();
            assertThat(m.medianNanos()).isPositive();
            assertThat(m.medianCpuNanos()).isPositive();
        });
        Report report = new Report(results);
        assertThat(results).filteredOn(m -> m.contender().equals(Variant.FLOOR))
                .allSatisfy(m -> assertThat(report.ratio(m)).isEqualTo(1.0));
        assertThat(report.markdown()).contains("| " + database.label() + " | bulk_insert | 1000 | core-text |");
        assertThat(report.json(Map.of("mode", "test"))).contains("\"ratio_to_jdbc\": 1.0000", "\"mode\": \"test\"");
    }

    @Test
    void scaleSetsSizesAndTheFloorAlwaysRuns() {
        SuiteConfig config = new SuiteConfig(0.1, 0, 1, Set.of("bulk_insert"), Set.of("core-text"));
        Workload bulk = Suite.workloads().get(0);

        assertThat(config.size(bulk)).isEqualTo(10_000);
        assertThat(config.runs(bulk)).isTrue();
        assertThat(config.runs(Suite.workloads().get(1))).isFalse();
        assertThat(bulk.variants()).filteredOn(config::runs).extracting(Variant::contender)
                .containsExactly(Variant.FLOOR, "core-text");
        assertThat(SuiteConfig.quick().size(bulk)).isEqualTo(10_000);
        assertThat(SuiteConfig.full().size(bulk)).isEqualTo(100_000);
    }

    @Test
    void aVariantThatLosesARowFailsVerificationAndTheTablesAreStillDropped() throws Exception {
        Workload lossy = new LossySingleInserts();
        SuiteRunner runner = new SuiteRunner(new SuiteConfig(0.01, 0, 1, Set.of(), Set.of()), QUIET);
        try (BenchContext ctx = BenchContext.open(Database.SQLITE, null, dir)) {
            assertThatThrownBy(() -> runner.run(ctx, List.of(lossy)))
                    .isInstanceOf(VerificationException.class)
                    .hasMessageContaining("sqlite single_inserts [lossy]")
                    .hasMessageContaining("rows in bench_single_inserts: expected 20, got 19");
            assertThat(ctx.queryLong("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'bench_%'")).isZero();
        }
    }

    /** Single inserts whose only variant skips the last row but claims to have written all. */
    private static final class LossySingleInserts implements Workload {
        private final SingleInserts real = new SingleInserts();

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public String description() {
            return real.description();
        }

        @Override
        public int fullSize() {
            return real.fullSize();
        }

        @Override
        public List<Variant<?>> variants() {
            return List.of(new Variant<Integer>() {
                @Override
                public String contender() {
                    return "lossy";
                }

                @Override
                public Integer run(BenchContext ctx, int n) throws Exception {
                    try (Connection c = ctx.jdbc().getConnection();
                         PreparedStatement ps = c.prepareStatement("INSERT INTO bench_single_inserts (name, description) VALUES (?, ?)")) {
                        for (int i = 0; i < n - 1; i++) {
                            ps.setString(1, "customer name " + i);
                            ps.setString(2, "customer description " + i);
                            ps.executeUpdate();
                        }
                    }
                    return n;
                }

                @Override
                public Outcome outcome(Integer result) {
                    return new Outcome(result, 0);
                }
            });
        }

        @Override
        public void beforePass(BenchContext ctx, int n) throws Exception {
            real.beforePass(ctx, n);
        }

        @Override
        public void verify(BenchContext ctx, int n, Outcome outcome) throws Exception {
            real.verify(ctx, n, outcome);
        }

        @Override
        public void tearDown(BenchContext ctx) throws Exception {
            real.tearDown(ctx);
        }
    }
}
