package org.retort.engine;

import java.util.List;
import org.retort.sql.BoundStatement;

/** Formats parameters for the SQL echo: long values truncated, long batches abbreviated. */
final class EchoFormat {
    private static final int MAX_VALUE_CHARS = 100;
    private static final int MAX_SETS = 10;

    private EchoFormat() {
    }

    static String params(Object[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(value(values[i]));
        }
        if (values.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    static String batch(List<BoundStatement> bounds) {
        StringBuilder sb = new StringBuilder("[");
        int n = Math.min(MAX_SETS, bounds.size());
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(params(bounds.get(i).values()));
        }
        if (bounds.size() > n) {
            sb.append(" ... displaying ").append(n).append(" of ").append(bounds.size()).append(" total bound parameter sets");
        }
        return sb.append(']').toString();
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        String s;
        if (v instanceof CharSequence cs) {
            s = "'" + cs + "'";
        } else if (v instanceof byte[] b) {
            s = "<" + b.length + " bytes>";
        } else {
            s = v.toString();
        }
        if (s.length() > MAX_VALUE_CHARS) {
            int head = MAX_VALUE_CHARS / 2;
            int tail = MAX_VALUE_CHARS / 2 - 20;
            s = s.substring(0, head) + " ... (" + (s.length() - head - tail) + " characters truncated) ... "
                    + s.substring(s.length() - tail);
        }
        return s;
    }
}
