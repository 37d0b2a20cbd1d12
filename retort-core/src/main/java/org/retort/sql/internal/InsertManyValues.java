package org.retort.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.dialect.Dialect;
import org.retort.sql.BindParameter;
import org.retort.sql.Executable;
import org.retort.sql.Expression;
import org.retort.sql.Insert;

/**
 * "insertmanyvalues": an executemany of {@code INSERT ... RETURNING} becomes a few multi-row
 * {@code INSERT ... VALUES (...), (...) RETURNING} statements, each holding as many rows as the dialect's bind
 * parameter limit allows (at most 1000), run in order. PostgreSQL, SQLite and MariaDB return the rows of a
 * multi-row VALUES in the order of the rows, so the returned rows follow the parameter sets.
 */
public final class InsertManyValues {
    /** The most rows one statement carries. */
    public static final int MAX_ROWS = 1000;

    private InsertManyValues() {
    }

    /**
     * The batches for an executemany, or an empty list when the statement or the dialect does not qualify
     * (no RETURNING, explicit VALUES, INSERT ... SELECT, no RETURNING or multi-row VALUES on the database).
     *
     * @param insert the statement
     * @param paramSets the parameter sets
     * @param dialect the dialect
     * @return the batch statements
     */
    public static List<Executable> batches(Insert insert, List<? extends Map<String, ?>> paramSets, Dialect dialect) {
        if (insert.returningColumns().isEmpty() || insert.fromSelectQuery() != null || paramSets.size() < 2
                || !dialect.supportsReturning() || !dialect.supportsMultiValuesInsert()) {
            return List.of();
        }
        if (insert.rows().size() > 1) {
            return List.of();
        }
        if (insert.rows().size() == 1) {
            for (Expression<?> e : insert.rows().get(0).values()) {
                if (!(e instanceof BindParameter<?> b) || b.hasValue()) {
                    return List.of();
                }
            }
        }
        Insert base = (Insert) insert.forParameters(paramSets.get(0));
        int columns = Math.max(1, base.rows().isEmpty() ? 1 : base.rows().get(0).size());
        int perStatement = Math.max(1, Math.min(MAX_ROWS, dialect.sqlCompiler().maxBindParameters() / columns));
        List<Executable> out = new ArrayList<>();
        for (int from = 0; from < paramSets.size(); from += perStatement) {
            out.add(insert.withRows(paramSets.subList(from, Math.min(paramSets.size(), from + perStatement))));
        }
        return out;
    }
}
