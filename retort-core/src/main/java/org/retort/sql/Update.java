package org.retort.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;

/**
 * {@code UPDATE table SET ... WHERE ...} (SQLAlchemy's {@code update()}). Other tables named in the WHERE clause
 * become {@code UPDATE ... FROM} (PostgreSQL, SQLite, SQL Server) or MySQL's multi-table {@code UPDATE a, b}.
 * Without values, the SET clause comes from the parameter keys given to execute that are column names and not
 * bind parameters of the WHERE clause (SQLAlchemy's executemany update).
 *
 * <pre>{@code
 * update(users).set(Map.of("fullname", "Patrick")).where(users.c("name").eq("patrick"))
 * // UPDATE users SET fullname=? WHERE users.name = ?
 * }</pre>
 */
public final class Update extends MemoizedStatement implements Statement {
    private final TableClause table;
    private final Map<String, Expression<?>> values;
    private final List<Expression<?>> where;
    private final List<Expression<?>> returning;
    /** The extra columns of returnDefaults(...), or null when it was not asked for. */
    private final List<Expression<?>> returnDefaults;

    private Update(TableClause table, Map<String, Expression<?>> values, List<Expression<?>> where,
                   List<Expression<?>> returning) {
        this(table, values, where, returning, null);
    }

    private Update(TableClause table, Map<String, Expression<?>> values, List<Expression<?>> where,
                   List<Expression<?>> returning, List<Expression<?>> returnDefaults) {
        this.table = table;
        this.values = values;
        this.where = where;
        this.returning = returning;
        this.returnDefaults = returnDefaults;
    }

    static Update of(TableClause table) {
        return new Update(Objects.requireNonNull(table, "table"), Map.of(), List.of(), List.of());
    }

    /** {@return the updated table} */
    public TableClause table() {
        return table;
    }

    /** {@return the SET values by column name, in order} */
    public Map<String, Expression<?>> setValues() {
        return values;
    }

    /** {@return the WHERE conditions} */
    public List<Expression<?>> whereClause() {
        return where;
    }

    @Override
    public List<Expression<?>> returningColumns() {
        return returning;
    }

    /**
     * Sets columns; keys are column names or columns, values plain values or expressions (including correlated
     * scalar subqueries). SQLAlchemy calls it {@code values()}. SET renders in the table's column order, and
     * includes the {@link ColumnClause#updateDefault()} of columns it does not set.
     *
     * @param newValues the SET values, applied in the map's order
     * @return the new statement
     */
    public Update set(Map<?, ?> newValues) {
        Map<String, Expression<?>> v = new java.util.HashMap<>(values);
        for (Map.Entry<?, ?> e : newValues.entrySet()) {
            ColumnClause<?> col = Coercions.targetColumn(table, e.getKey());
            v.put(col.name(), Coercions.columnValue(col, col.key(), e.getValue()));
        }
        return new Update(table, Coercions.withDefaults(table, v, "", true), where, returning, returnDefaults);
    }

    /**
     * Sets one column.
     *
     * @param column the column, or its name
     * @param value value or expression
     * @return the new statement
     */
    public Update set(Object column, Object value) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(column, value);
        return set(m);
    }

    /**
     * {@return the new statement; same as {@link #set(Map)}}
     *
     * @param newValues the SET values
     */
    public Update values(Map<?, ?> newValues) {
        return set(newValues);
    }

    /**
     * {@return the statement with {@code WHERE conditions}}
     *
     * @param conditions conditions, ANDed
     */
    public Update where(Expression<?>... conditions) {
        List<Expression<?>> w = new ArrayList<>(where);
        w.addAll(List.of(conditions));
        return new Update(table, values, List.copyOf(w), returning, returnDefaults);
    }

    /**
     * {@return the statement with {@code RETURNING columns}}
     *
     * @param columns columns or expressions
     */
    public Update returning(Expression<?>... columns) {
        if (returnDefaults != null) {
            throw new ArgumentException("update(" + table.fullName() + ") has returnDefaults() already; use one of "
                    + "returning(...) and returnDefaults()");
        }
        List<Expression<?>> r = new ArrayList<>(returning);
        r.addAll(List.of(columns));
        return new Update(table, values, where, List.copyOf(r), returnDefaults);
    }

    /**
     * Fetches the values the database set on the updated row (SQLAlchemy's {@code return_defaults()}): every column
     * with a server-side update value (a server ON UPDATE, a computed column, a SQL-expression {@code onUpdate}),
     * plus the given columns, as {@link org.retort.engine.Result#returnedDefaults()}. They come from RETURNING where
     * the database has it for UPDATE, else from a SELECT by primary key of the rows the WHERE clause matched (read,
     * and locked, before the UPDATE). One row per updated row; for an executemany, the rows of every set in order.
     *
     * @param columns more columns to fetch
     * @return the new statement
     */
    public Update returnDefaults(Expression<?>... columns) {
        if (!returning.isEmpty()) {
            throw new ArgumentException("update(" + table.fullName() + ") has returning(...) already; returnDefaults() "
                    + "fetches the generated values instead of returning rows: use one or the other");
        }
        List<Expression<?>> r = new ArrayList<>(returnDefaults == null ? List.of() : returnDefaults);
        r.addAll(List.of(columns));
        return new Update(table, values, where, returning, List.copyOf(r));
    }

    /** {@return the extra columns of {@link #returnDefaults(Expression...)}, or null when it was not asked for} */
    public List<Expression<?>> returnDefaultsColumns() {
        return returnDefaults;
    }

    /**
     * {@return this statement returning the given columns in place of {@link #returnDefaults}}
     *
     * @param columns the columns to return
     */
    public Update returningInsteadOfDefaults(List<? extends Expression<?>> columns) {
        return new Update(table, values, where, List.copyOf(columns), null);
    }

    /** {@return this statement without {@link #returnDefaults}} */
    public Update withoutReturnDefaults() {
        return new Update(table, values, where, returning, null);
    }

    @Override
    public Executable forParameters(Map<String, ?> params) {
        if (!values.isEmpty() || params.isEmpty()) {
            return this;
        }
        return derivedFor(params, () -> withParameterValues(params));
    }

    private Executable withParameterValues(Map<String, ?> params) {
        java.util.Set<String> bound = memoizedAnalysis().bindNames();
        Map<String, Expression<?>> v = new LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            if (params.containsKey(c.key()) && !bound.contains(c.key())) {
                v.put(c.name(), new BindParameter<>(c.key(), null, c.type(), false, false, false));
            }
        }
        if (v.isEmpty()) {
            throw new ArgumentException("update(" + table.fullName() + ") has no SET values and no parameter names a "
                    + "column to set; parameters were " + params.keySet());
        }
        return new Update(table, Coercions.withDefaults(table, v, "", true), where, returning, returnDefaults);
    }

    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
