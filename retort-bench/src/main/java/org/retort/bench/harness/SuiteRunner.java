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
        try {
            w.setUp(ctx, n);
            for (Variant<?> v : variants) {
                for (int i = 0; i < config.warmups(); i++) {
                    pass(ctx, w, v, n);
                }
            }
            for (int p = 0; p < config.passes(); p++) {
                for (int i = 0; i < variants.size(); i++) {
                    times[i][p] = pass(ctx, w, variants.get(i), n);
                }
            }
        } finally {
            w.tearDown(ctx);
        }
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Measurement m = new Measurement(ctx.database(), w.name(), n, variants.get(i).contender(), times[i]);
            log.printf(Locale.ROOT, "    %-10s median %9.1f ms%n", m.contender(), m.medianNanos() / 1e6);
            out.add(m);
        }
        return out;
    }

    private static <R> long pass(BenchContext ctx, Workload w, Variant<R> v, int n) throws Exception {
        w.beforePass(ctx, n);
        System.gc();
        long start = System.nanoTime();
        R result = v.run(ctx, n);
        long elapsed = System.nanoTime() - start;
        Outcome outcome = v.outcome(result);
        try {
            w.verify(ctx, n, outcome);
        } catch (VerificationException e) {
            throw new VerificationException(ctx.database().label() + " " + w.name() + " [" + v.contender() + "]: "
                    + e.getMessage());
        }
        return elapsed;
    }
}
