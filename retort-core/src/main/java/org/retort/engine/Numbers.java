package org.retort.engine;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Widening and narrowing of numbers read from drivers that report a different numeric class than asked for. */
final class Numbers {
    private Numbers() {
    }

    static Object convert(Number n, Class<?> type) {
        if (type == Long.class || type == long.class) {
            return n.longValue();
        }
        if (type == Integer.class || type == int.class) {
            return n.intValue();
        }
        if (type == Short.class || type == short.class) {
            return n.shortValue();
        }
        if (type == Double.class || type == double.class) {
            return n.doubleValue();
        }
        if (type == Float.class || type == float.class) {
            return n.floatValue();
        }
        if (type == BigDecimal.class) {
            return n instanceof BigDecimal ? n : new BigDecimal(n.toString());
        }
        if (type == BigInteger.class) {
            return n instanceof BigInteger ? n : new BigDecimal(n.toString()).toBigInteger();
        }
        if (type == Boolean.class) {
            return n.intValue() != 0;
        }
        return null;
    }
}
