package org.retort.bench.harness;

import java.util.Objects;
import java.util.Set;

/**
 * How a suite run is sized and filtered: the scale applied to every workload's full size, warm-up and measured
 * passes per variant, and which workloads and contenders to run (empty sets mean all).
 *
 * @param scale multiplies each workload's full size; 1 is SQLAlchemy's sizes, 0.1 the quick mode
 * @param warmups untimed passes per variant before the measured ones, in the same JVM
 * @param passes measured passes per variant; the median is reported
 * @param workloads names of workloads to run, empty for all
 * @param contenders names of contenders to run, empty for all; the floor always runs so ratios exist
 */
public record SuiteConfig(double scale, int warmups, int passes, Set<String> workloads, Set<String> contenders) {

    /** Checks the values. */
    public SuiteConfig {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        if (warmups < 0 || passes < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and passes >= 1, got " + warmups + " and " + passes);
        }
        workloads = Set.copyOf(Objects.requireNonNull(workloads, "workloads"));
        contenders = Set.copyOf(Objects.requireNonNull(contenders, "contenders"));
    }

    /**
     * The quick mode: a tenth of the full sizes, two warm-ups and five measured passes.
     *
     * @return the configuration
     */
    public static SuiteConfig quick() {
        return new SuiteConfig(0.1, 2, 5, Set.of(), Set.of());
    }

    /**
     * The full mode: full sizes, one warm-up and five measured passes.
     *
     * @return the configuration
     */
    public static SuiteConfig full() {
        return new SuiteConfig(1.0, 1, 5, Set.of(), Set.of());
    }

    /**
     * A workload's size at this scale, at least 1.
     *
     * @param workload the workload
     * @return rows for it
     */
    public int size(Workload workload) {
        return (int) Math.max(1, Math.round(workload.fullSize() * scale));
    }

    /**
     * Whether a workload is selected.
     *
     * @param workload the workload
     * @return true when it runs
     */
    public boolean runs(Workload workload) {
        return workloads.isEmpty() || workloads.contains(workload.name());
    }

    /**
     * Whether a variant is selected; the floor always is.
     *
     * @param variant the variant
     * @return true when it runs
     */
    public boolean runs(Variant<?> variant) {
        return contenders.isEmpty() || contenders.contains(variant.contender()) || Variant.FLOOR.equals(variant.contender());
    }
}
