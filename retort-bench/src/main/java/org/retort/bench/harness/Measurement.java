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
 */
public record Measurement(Database database, String workload, int size, String contender, long[] passNanos) {

    /** Copies the passes. */
    public Measurement {
        passNanos = passNanos.clone();
        if (passNanos.length == 0) {
            throw new IllegalArgumentException("a measurement needs at least one pass");
        }
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
