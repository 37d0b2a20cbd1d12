package org.retort.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.retort.exc.InvalidRequestException;
import org.retort.sql.BoundStatement;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;
import org.retort.sql.Insert;
import org.retort.sql.internal.InsertManyValues;

/**
 * insertmanyvalues with RETURNING in parameter order ({@link Insert#sortByParameterOrder()}): the batched
 * multi-row INSERTs also return the insert sentinel as a last column, and each batch's rows are put in the order of
 * its parameter sets by that column: by the sentinel value each set bound (a client-side value), or by the
 * generated key where the database assigns keys in VALUES order. The sentinel column is dropped from the rows
 * handed back. Returns null when the statement has no sentinel, for the caller to run one INSERT per set.
 */
final class SortedManyValues {
    private SortedManyValues() {
    }

    static Result execute(Connection conn, Executable statement, Insert base, List<? extends Map<String, ?>> paramSets) {
        InsertManyValues.Sentinel sentinel = InsertManyValues.sentinel(base, conn.dialect());
        if (sentinel == null) {
            return null;
        }
        int width = base.returningColumns().size();
        Insert withSentinel = base.returning(sentinel.column());
        Compiled compiled = conn.compile(withSentinel);
        int perRow = compiled.valuesRowParameters();
        int start = compiled.valuesRowStart();
        if (perRow < 0) {
            return null;
        }
        int offset = -1;
        if (!sentinel.autoincrement()) {
            List<String> names = compiled.positionalNames();
            for (int i = start; i < start + perRow; i++) {
                if (names.get(i).equals(sentinel.bindName())) {
                    offset = i - start;
                    break;
                }
            }
            if (offset < 0) {
                return null;
            }
        }
        Hooks hooks = conn.hooks();
        if (sentinel.orderedSelect()) {
            return executeOrderedSelect(conn, statement, base, sentinel, paramSets, perRow + 1, others(compiled, perRow));
        }
        hooks.beforeExecute(statement, paramSets);
        Map<String, Object> own = withSentinel.boundValues();
        int others = compiled.bindSlots().size() - perRow;
        int perStatement = perRow == 0 ? InsertManyValues.MAX_ROWS
                : Math.max(1, Math.min(InsertManyValues.MAX_ROWS,
                (conn.dialect().sqlCompiler().maxBindParameters() - others) / perRow));
        Row[] ordered = new Row[paramSets.size()];
        Result first = null;
        for (int from = 0; from < paramSets.size(); from += perStatement) {
            int to = Math.min(paramSets.size(), from + perStatement);
            BoundStatement bound = compiled.bindRows(own, paramSets.subList(from, to), from);
            Map<Object, Integer> setOf = sentinel.autoincrement() ? Map.of()
                    : setsBySentinel(sentinel, bound.values(), start, perRow, offset, from, to);
            Result r = conn.executeCompiled(compiled, bound);
            if (first == null) {
                first = r;
            }
            List<Row> rows = r.all();
            if (rows.size() != to - from) {
                throw new InvalidRequestException("An INSERT of " + (to - from) + " rows into "
                        + base.table().fullName() + " returned " + rows.size() + " rows; RETURNING in parameter order "
                        + "needs one row per parameter set");
            }
            int last = width;
            if (sentinel.autoincrement()) {
                List<Row> byKey = new ArrayList<>(rows);
                byKey.sort((a, b) -> Long.compare(((Number) a.get(last)).longValue(), ((Number) b.get(last)).longValue()));
                for (int i = 0; i < byKey.size(); i++) {
                    ordered[from + i] = byKey.get(i);
                }
                continue;
            }
            for (Row row : rows) {
                Integer set = setOf.remove(key(row.get(last)));
                if (set == null) {
                    throw new InvalidRequestException("A row returned by the INSERT into " + base.table().fullName()
                            + " has sentinel value " + row.get(last) + ", which no parameter set bound");
                }
                ordered[set] = row;
            }
        }
        Result result = Result.ofRowsDropping(conn, first, Arrays.asList(ordered), width);
        hooks.afterExecute(statement, paramSets, result);
        return result;
    }

    private static int others(Compiled compiled, int perRow) {
        return compiled.bindSlots().size() - perRow;
    }

    /**
     * Batches written as {@code INSERT ... SELECT ... FROM (VALUES ...) ORDER BY sen_counter}, whose generated keys
     * follow the parameter sets (PostgreSQL): each batch's rows are sorted by the key.
     */
    private static Result executeOrderedSelect(Connection conn, Executable statement, Insert base,
                                               InsertManyValues.Sentinel sentinel,
                                               List<? extends Map<String, ?>> paramSets, int perRow, int others) {
        Hooks hooks = conn.hooks();
        hooks.beforeExecute(statement, paramSets);
        int width = base.returningColumns().size();
        List<org.retort.sql.Expression<?>> returning = new ArrayList<>(base.returningColumns());
        returning.add(sentinel.column());
        int perStatement = Math.max(1, Math.min(InsertManyValues.MAX_ROWS,
                (conn.dialect().sqlCompiler().maxBindParameters() - others) / perRow));
        Row[] ordered = new Row[paramSets.size()];
        Result first = null;
        for (int from = 0; from < paramSets.size(); from += perStatement) {
            int to = Math.min(paramSets.size(), from + perStatement);
            Insert batch = InsertManyValues.orderedSelect(base, paramSets.subList(from, to), from, returning);
            Compiled compiled = conn.compile(batch);
            Result r = conn.executeCompiled(compiled, compiled.bind(batch.boundValues(), Map.of()));
            if (first == null) {
                first = r;
            }
            List<Row> rows = new ArrayList<>(r.all());
            if (rows.size() != to - from) {
                throw new InvalidRequestException("An INSERT of " + (to - from) + " rows into "
                        + base.table().fullName() + " returned " + rows.size() + " rows; RETURNING in parameter order "
                        + "needs one row per parameter set");
            }
            rows.sort((a, b) -> Long.compare(((Number) a.get(width)).longValue(), ((Number) b.get(width)).longValue()));
            for (int i = 0; i < rows.size(); i++) {
                ordered[from + i] = rows.get(i);
            }
        }
        Result result = Result.ofRowsDropping(conn, first, Arrays.asList(ordered), width);
        hooks.afterExecute(statement, paramSets, result);
        return result;
    }

    /** The parameter set of each sentinel value bound in one batch, refusing a value that is missing or repeated. */
    private static Map<Object, Integer> setsBySentinel(InsertManyValues.Sentinel sentinel, Object[] values, int start,
                                                       int perRow, int offset, int from, int to) {
        Map<Object, Integer> setOf = new HashMap<>();
        for (int k = 0; k < to - from; k++) {
            Object key = key(values[start + k * perRow + offset]);
            if (key == null || setOf.put(key, from + k) != null) {
                throw new InvalidRequestException("Insert sentinel " + sentinel.column() + " has "
                        + (key == null ? "no value" : "the value " + key + " twice") + " in parameter sets " + from
                        + " to " + (to - 1) + "; a sentinel needs a distinct value per row (give it a default such "
                        + "as defaultValue(UUID::randomUUID), or use Schema.insertSentinel(name))");
            }
        }
        return setOf;
    }

    /** A sentinel value as a key that equals whether bound or read back (Integer or Long, UUID or its text). */
    private static Object key(Object v) {
        return switch (v) {
            case null -> null;
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f -> BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
            case Number n -> String.valueOf(n.longValue());
            case byte[] b -> HexFormat.of().formatHex(b);
            default -> v.toString();
        };
    }
}
