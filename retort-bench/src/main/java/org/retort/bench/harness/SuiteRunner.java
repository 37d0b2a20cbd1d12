package org.retort.bench.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs workloads on one database: every selected variant gets its warm-up passes first (same JVM, same data),
 * then the measured passes go round-robin over the variants, so that drift in machine load touches every
 * contender alike. Each pass is verified; a {@link VerificationException} stops the run.
 */
public final class SuiteRunner {
    private final SuiteConfig config;
    private final PrintStream log;

    /**
     * Creates a runner.
     *
     * @param config sizes, passes and filters
     * @param log where progress lines go
     */
    public SuiteRunner(SuiteConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    /**
     * Runs the selected workloads on a database.
     *
     * @param ctx the database
     * @param workloads the workloads, in run order
     * @return one measurement per workload and variant
     * @throws Exception when a variant fails or produces a wrong answer
     */
    public List<Measurement> run(BenchContext ctx, List<Workload> workloads) throws Exception {
        List<Measurement> out = new ArrayList<>();
        for (Workload w : workloads) {
            if (config.runs(w)) {
                out.addAll(run(ctx, w));
            }
        }
        return out;
    }

    private List<Measurement> run(BenchContext ctx, Workload w) throws Exception {
        int n = config.size(w);
        List<Variant<?>> variants = w.variants().stream().filter(config::runs).toList();
        log.printf(Locale.ROOT, "[%s] %s n=%d (%s): %s%n", ctx.database().label(), w.name(), n, w.description(),
                variants.stream().map(Variant::contender).toList());
        long[][] times = new long[variants.size()][config.passes()];
        long[][] cpu = new long[variants.size()][config.passes()];
        try {
            w.setUp(ctx, n);
            for (Variant<?> v : variants) {
                for (int i = 0; i < config.warmups(); i++) {
                    pass(ctx, w, v, n);
                }
            }
            for (int p = 0; p < config.passes(); p++) {
                for (int i = 0; i < variants.size(); i++) {
                    long[] t = pass(ctx, w, variants.get(i), n);
                    times[i][p] = t[0];
                    cpu[i][p] = t[1];
                }
            }
        } finally {
            w.tearDown(ctx);
        }
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Measurement m = new Measurement(ctx.database(), w.name(), n, variants.get(i).contender(), times[i],
                    cpu[i]);
            log.printf(Locale.ROOT, "    %-10s median %9.1f ms, cpu %9.1f ms%n", m.contender(), m.medianNanos() / 1e6,
                    m.medianCpuNanos() / 1e6);
            out.add(m);
        }
        return out;
    }

    /** {@return the pass's wall-clock time and the benchmark thread's CPU time, in nanoseconds} */
    private static <R> long[] pass(BenchContext ctx, Workload w, Variant<R> v, int n) throws Exception {
        w.beforePass(ctx, n);
        System.gc();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        R result = v.run(ctx, n);
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        Outcome outcome = v.outcome(result);
        try {
            w.verify(ctx, n, outcome);
        } catch (VerificationException e) {
            throw new VerificationException(ctx.database().label() + " " + w.name() + " [" + v.contender() + "]: "
                    + e.getMessage());
        }
        return new long[] {elapsed, cpu};
    }
}
