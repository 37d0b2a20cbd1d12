package org.retort.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.retort.exc.ArgumentException;

/**
 * Converts bound numeric values to what a column type needs, as SQLAlchemy's numeric types accept any Python
 * number: an {@code Integer} binds to a BIGINT column, a {@code Long} that fits to an INTEGER one. Anything that
 * is not a number, or that would lose digits, is refused with a message naming the type and the value.
 */
final class NumberValues {
    private NumberValues() {
    }

    static long toLong(Object v, String typeName, long min, long max) {
        long l;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            l = ((Number) v).longValue();
        } else if (v instanceof BigInteger b) {
            if (b.bitLength() >= 64) {
                throw refuse(v, typeName, "a value between " + min + " and " + max + " (this one is out of range)");
            }
            l = b.longValue();
        } else if (v instanceof BigDecimal d) {
            try {
                l = d.longValueExact();
            } catch (ArithmeticException e) {
                throw refuse(v, typeName, d.stripTrailingZeros().scale() > 0 ? "a whole number (this one has a fraction)"
                        : "a value between " + min + " and " + max + " (this one is out of range)");
            }
        } else {
            throw refuse(v, typeName, "a whole number (Integer, Long, Short, BigInteger, or a BigDecimal without fraction)");
        }
        if (l < min || l > max) {
            throw refuse(v, typeName, "a value between " + min + " and " + max + " (this one is out of range)");
        }
        return l;
    }

    static double toDouble(Object v, String typeName) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw refuse(v, typeName, "a number");
    }

    static BigDecimal toBigDecimal(Object v, String typeName) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw refuse(v, typeName, "a finite number (" + v + " has no " + typeName + " value; "
                        + "use a FLOAT or DOUBLE column to store it, or NULL)");
            }
            return BigDecimal.valueOf(d);
        }
        throw refuse(v, typeName, "a number (BigDecimal preferred)");
    }

    private static ArgumentException refuse(Object v, String typeName, String wanted) {
        return new ArgumentException("A " + typeName + " parameter needs " + wanted + "; got " + v.getClass().getName()
                + " " + EchoSafe.value(v));
    }

    /** Renders a refused value for a message, shortened so a large value cannot flood a log. */
    static final class EchoSafe {
        private EchoSafe() {
        }

        static String value(Object v) {
            String s = v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v);
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }
    }
}
