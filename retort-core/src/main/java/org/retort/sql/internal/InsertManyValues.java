package org.retort.sql.internal;

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
 * parameter limit allows (at most {@link #MAX_ROWS}), run in order. PostgreSQL, SQLite and MariaDB return the
 * rows of a multi-row VALUES in the order of the rows, so the returned rows follow the parameter sets.
 *
 * <p>As in SQLAlchemy, the single-row statement is compiled once and its VALUES row is repeated in the SQL text
 * ({@link org.retort.sql.Compiled#bindRows}); no statement tree is built per batch and values bind by position.
 */
public final class InsertManyValues {
    /** The most rows one statement carries. */
    public static final int MAX_ROWS = 1000;

    private InsertManyValues() {
    }

    /**
     * The single-row statement to compile and repeat, or null when the statement or the dialect does not qualify:
     * no RETURNING, explicit VALUES, INSERT ... SELECT, or no RETURNING or multi-row VALUES on the database.
     *
     * @param insert the statement
     * @param paramSets the parameter sets
     * @param dialect the dialect
     * @return the statement bound to the first set's names, or null
     */
    public static Executable base(Insert insert, List<? extends Map<String, ?>> paramSets, Dialect dialect) {
        if (insert.returningColumns().isEmpty() || insert.fromSelectQuery() != null || paramSets.size() < 2
                || !dialect.supportsReturning() || !dialect.supportsMultiValuesInsert() || insert.rows().size() > 1) {
            return null;
        }
        if (insert.rows().size() == 1) {
            for (Expression<?> e : insert.rows().get(0).values()) {
                if (!(e instanceof BindParameter<?> b) || b.hasValue()) {
                    return null;
                }
            }
        }
        return insert.forParameters(paramSets.get(0));
    }
}
