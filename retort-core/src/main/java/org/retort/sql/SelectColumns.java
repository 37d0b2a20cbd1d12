package org.retort.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of a SELECT list's result columns: a column's name, a label, or for other expressions an anonymous
 * {@code <function>_N} / {@code anon_N}; repeated names get {@code _1}, {@code _2}... (SQLAlchemy 2.0's
 * "disambiguate only" labelling). Deterministic, so subqueries and compilers agree.
 */
public final class SelectColumns {
    private SelectColumns() {
    }

    static String nameOf(Expression<?> e) {
        return e.naturalName();
    }

    static List<String> names(List<Expression<?>> columns) {
        return labels(columns);
    }

    /**
     * The result names of a SELECT list, one per column.
     *
     * @param columns the list
     * @return the names
     */
    public static List<String> labels(List<Expression<?>> columns) {
        List<String> out = new ArrayList<>(columns.size());
        Set<String> used = new HashSet<>();
        Map<String, Integer> counters = new HashMap<>();
        for (Expression<?> e : columns) {
            String n = e.naturalName();
            if (n == null) {
                String base = e instanceof FunctionCall<?> f ? f.name().toLowerCase(java.util.Locale.ROOT) : "anon";
                do {
                    n = base + "_" + counters.merge(base, 1, Integer::sum);
                } while (used.contains(n));
            } else if (used.contains(n) && !(e instanceof Label<?>)) {
                String base = n;
                do {
                    n = base + "_" + counters.merge(base, 1, Integer::sum);
                } while (used.contains(n));
            }
            used.add(n);
            out.add(n);
        }
        return out;
    }
}
