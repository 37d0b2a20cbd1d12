package org.retort.bench.harness;

import java.util.Arrays;

/**
 * The measured passes of one variant of one workload on one database, all verified.
 *
 * @param database the database
 * @param workload the workload's name
 * @param size the workload's size (rows)
 * @param contender the contender's name
 * @param passNanos wall-clock time of each measured pass, in run order
 * @param passCpuNanos CPU time of the benchmark thread in each measured pass (the JVM's own work and, for an
 *     embedded database, the database's; not other processes' load), in run order
 */
public record Measurement(Database database, String workload, int size, String contender, long[] passNanos,
                          long[] passCpuNanos) {

    /** Copies the passes. */
    public Measurement {
        passNanos = passNanos.clone();
        passCpuNanos = passCpuNanos.clone();
        if (passNanos.length == 0 || passCpuNanos.length != passNanos.length) {
            throw new IllegalArgumentException("a measurement needs at least one pass, with its CPU time");
        }
    }

    /** @return the median CPU time of the benchmark thread per pass, in nanoseconds */
    public long medianCpuNanos() {
        long[] s = passCpuNanos.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** @return a copy of the passes' CPU times */
    @Override
    public long[] passCpuNanos() {
        return passCpuNanos.clone();
    }

    /** @return the median pass time in nanoseconds (the mean of the middle two for an even count) */
    public long medianNanos() {
        long[] s = passNanos.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** @return the fastest pass in nanoseconds */
    public long minNanos() {
        return Arrays.stream(passNanos).min().orElseThrow();
    }

    /** @return the slowest pass in nanoseconds */
    public long maxNanos() {
        return Arrays.stream(passNanos).max().orElseThrow();
    }

    /** @return a copy of the pass times */
    @Override
    public long[] passNanos() {
        return passNanos.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measurement m && database == m.database && workload.equals(m.workload) && size == m.size
                && contender.equals(m.contender) && Arrays.equals(passNanos, m.passNanos);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * workload.hashCode() + contender.hashCode()) + Arrays.hashCode(passNanos);
    }

    @Override
    public String toString() {
        return database.label() + "/" + workload + "/" + contender + " n=" + size + " " + Arrays.toString(passNanos);
    }
}
