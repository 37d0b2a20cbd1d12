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
     *                 value (an autoincrement key it assigns in VALUES order, or in ORDER BY order)
     * @param orderedSelect true when the batch must be written as {@code INSERT ... SELECT ... FROM (VALUES ...)
     *                      ORDER BY sen_counter} for the generated keys to follow the parameter sets (see
     *                      {@link #orderedSelect})
     */
    public record Sentinel(ColumnClause<?> column, String bindName, boolean orderedSelect) {
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
                    return new Sentinel(c, bind, false);
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
            return new Sentinel(key, bind, false);
        }
        if (!row.containsKey(key.name()) && key.isAutoincrement() && dialect.insertManyValuesAutoincrementInOrder()) {
            return new Sentinel(key, null, false);
        }
        if (!row.containsKey(key.name()) && key.isAutoincrement() && dialect.insertManyValuesOrderedSelect()) {
            return new Sentinel(key, null, true);
        }
        return null;
    }

    /**
     * One batch of a single-row INSERT written as SQLAlchemy writes it for PostgreSQL and SQL Server when generated
     * keys must follow the parameter sets: {@code INSERT INTO t (a, b) SELECT CAST(imp_sen.p0 AS type), ... FROM
     * (VALUES (?, ?, ?), ...) AS imp_sen (p0, p1, sen_counter) ORDER BY imp_sen.sen_counter RETURNING ...}; the
     * database assigns identity values in the ORDER BY's order, so the returned rows sorted by key are in parameter
     * order. Each set's values become bound values of its VALUES row, a Java-side default is evaluated per row and a
     * SQL default stays SQL.
     *
     * @param base the single-row statement, bound to the parameter names
     * @param sets the parameter sets of the batch, in order
     * @param firstSet the position of the first set among all, for error messages
     * @param returning the columns to return
     * @return the statement
     */
    public static Insert orderedSelect(Insert base, List<? extends Map<String, ?>> sets, int firstSet,
                                       List<? extends Expression<?>> returning) {
        Map<String, Expression<?>> row = base.rows().get(0);
        List<String> cols = new java.util.ArrayList<>(row.keySet());
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            names.add("p" + i);
        }
        names.add("sen_counter");
        List<List<Expression<?>>> rows = new java.util.ArrayList<>(sets.size());
        for (int r = 0; r < sets.size(); r++) {
            List<Expression<?>> values = new java.util.ArrayList<>(cols.size() + 1);
            for (String c : cols) {
                Expression<?> e = row.get(c);
                values.add(e instanceof BindParameter<?> b ? valued(b, sets.get(r), firstSet + r) : e);
            }
            values.add(new BindParameter<>("sen_counter", r, org.retort.types.Types.INTEGER, false, true, true));
            rows.add(values);
        }
        org.retort.sql.Values v = new org.retort.sql.Values(names, rows, "imp_sen");
        Object[] selected = new Object[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            selected[i] = org.retort.sql.Sql.cast(v.c("p" + i), base.table().c(cols.get(i)).type());
        }
        org.retort.sql.Select select = org.retort.sql.Sql.select(selected).selectFrom(v).orderBy(v.c("sen_counter"));
        return org.retort.sql.Sql.insert(base.table()).fromSelect(cols, select)
                .returning(returning.toArray(Expression<?>[]::new));
    }

    /** A VALUES parameter of the base row with this set's value: from the set, or the statement's own. */
    private static BindParameter<?> valued(BindParameter<?> b, Map<String, ?> set, int setNumber) {
        Object value;
        if (!b.hasValue()) {
            if (!set.containsKey(b.key())) {
                throw new org.retort.exc.ArgumentException("A value is required for bind parameter '" + b.key()
                        + "', in parameter set " + setNumber + " (every set of an executemany needs the keys of the "
                        + "first)");
            }
            value = set.get(b.key());
            if (value instanceof Expression<?> || value instanceof org.retort.sql.SelectBase) {
                throw new org.retort.exc.ArgumentException("Parameter set " + setNumber + " gives '" + b.key()
                        + "' a SQL expression (" + value + "); parameters bind plain values only");
            }
        } else {
            value = set.containsKey(b.key()) ? set.get(b.key()) : b.value();
        }
        if (value instanceof org.retort.sql.DeferredValue d) {
            value = d.get();
        }
        return new BindParameter<>(b.key(), value, b.type(), false, true, true);
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
