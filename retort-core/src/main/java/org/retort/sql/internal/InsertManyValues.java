package org.retort.sql.internal;

import java.util.List;
import java.util.Map;
import org.retort.dialect.Dialect;
import org.retort.sql.BindParameter;
import org.retort.sql.ColumnClause;
import org.retort.sql.TableClause;
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
     * What correlates the rows of a batched {@code INSERT ... RETURNING} with the parameter sets when they must come
     * back in parameter order (SQLAlchemy's "insert sentinel").
     *
     * @param column the sentinel column, added to the RETURNING list
     * @param bindName the bind parameter carrying its per-row client value; null when the database generates the
     *                 value (an autoincrement key it assigns in VALUES order)
     */
    public record Sentinel(ColumnClause<?> column, String bindName) {
        /** {@return true when rows are put in order by sorting on the generated key} */
        public boolean autoincrement() {
            return bindName == null;
        }
    }

    /**
     * The insert sentinel of a single-row INSERT about to be repeated, or null when there is none and each parameter
     * set must run on its own: first a column marked {@code insertSentinel()} whose value comes per row from the
     * parameters or a Java-side callable default; else a single-column primary key whose value comes that way; else
     * an autoincrement primary key the statement leaves to the database, where the dialect assigns it in VALUES order.
     *
     * @param base the single-row statement, bound to the parameter names
     * @param dialect the dialect
     * @return the sentinel, or null
     */
    public static Sentinel sentinel(Insert base, Dialect dialect) {
        if (base.rows().size() != 1) {
            return null;
        }
        Map<String, Expression<?>> row = base.rows().get(0);
        TableClause table = base.table();
        for (ColumnClause<?> c : table.columns()) {
            if (c.isInsertSentinel()) {
                String bind = perRowBind(row.get(c.name()));
                if (bind != null) {
                    return new Sentinel(c, bind);
                }
            }
        }
        List<ColumnClause<?>> pk = table.columns().stream().<ColumnClause<?>>map(c -> c).filter(ColumnClause::isPrimaryKey)
                .toList();
        if (pk.size() != 1) {
            return null;
        }
        ColumnClause<?> key = pk.get(0);
        String bind = perRowBind(row.get(key.name()));
        if (bind != null) {
            return new Sentinel(key, bind);
        }
        if (!row.containsKey(key.name()) && key.isAutoincrement() && dialect.insertManyValuesAutoincrementInOrder()) {
            return new Sentinel(key, null);
        }
        return null;
    }

    /** The bind name of a VALUES expression whose value differs per row (a parameter, or a callable default). */
    private static String perRowBind(Expression<?> e) {
        if (e instanceof BindParameter<?> b && !b.expanding()
                && (!b.hasValue() || b.value() instanceof org.retort.sql.DeferredValue)) {
            return b.key();
        }
        return null;
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
