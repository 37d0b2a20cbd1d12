package org.retort.bench.harness;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Order-independent checksums of rows: each row's values are mixed into one 64-bit hash and the hashes are
 * summed, so the same multiset of rows gives the same checksum whatever order a database returns them in,
 * and a missing, duplicated or altered row changes it.
 *
 * <p>Values are mixed by their meaning, not their Java class: a whole number is mixed as a {@code long} whether the
 * driver gave an {@code Integer}, a {@code Long} or a {@code BigDecimal}, a string by its characters.
 */
public final class Checksum {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private long sum;
    private long count;

    /** Creates an empty checksum. */
    public Checksum() {
    }

    /**
     * Adds one row.
     *
     * @param values the row's values, in column order
     * @return this checksum
     */
    public Checksum add(Object... values) {
        sum += row(values);
        count++;
        return this;
    }

    /** @return rows added */
    public long count() {
        return count;
    }

    /** @return the checksum */
    public long value() {
        return sum;
    }

    /** @return count and checksum as an outcome */
    public Outcome outcome() {
        return new Outcome(count, sum);
    }

    /**
     * The hash of one row.
     *
     * @param values the row's values
     * @return its 64-bit hash
     */
    public static long row(Object... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (Object v : values) {
            h = mix(h * 31 + value(v));
        }
        return h;
    }

    private static long value(Object v) {
        if (v == null) {
            return 0x5bd1e995L;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return mix(((Number) v).longValue());
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(v.toString()).stripTrailingZeros();
            if (d.scale() <= 0 && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0) {
                return mix(d.longValueExact());
            }
            return value(d.toPlainString());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e18 ? mix((long) d) : mix(Double.doubleToLongBits(d));
        }
        if (v instanceof CharSequence s) {
            long h = 1125899906842597L;
            for (int i = 0; i < s.length(); i++) {
                h = 31 * h + s.charAt(i);
            }
            return mix(h);
        }
        throw new IllegalArgumentException("Checksum handles numbers and strings, got " + v.getClass().getName());
    }

    /**
     * A 64-bit finalizer (the one of SplitMix64), spreading each input bit over the whole output.
     *
     * @param z the input
     * @return the mixed value
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
