package org.retort.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;

/**
 * {@code INSERT INTO table (...) VALUES (...)} (SQLAlchemy's {@code insert()}). Without values the column list
 * comes from the keys of the parameters given to execute (the first map, for executemany); without values or
 * parameters it inserts a row of defaults. Values are bound as parameters named after their columns. Columns the
 * statement does not set get their {@link ColumnClause#insertDefault()}, if any.
 *
 * <pre>{@code
 * insert(users).values(Map.of("name", "spongebob"))          // INSERT INTO users (name) VALUES (?)
 * insert(users).values(rows).returning(users.c("id"))        // multi-row VALUES ... RETURNING users.id
 * insert(users).values(row).onConflictDoUpdate(List.of(users.c("id")),
 *         Map.of("name", excluded(users.c("name"))))           // ON CONFLICT (id) DO UPDATE SET name = excluded.name
 * }</pre>
 */
public final class Insert extends MemoizedStatement implements Statement {
    private final TableClause table;
    private final List<Map<String, Expression<?>>> rows;
    private final boolean multi;
    private final List<String> selectColumns;
    private final SelectBase select;
    private final List<Expression<?>> returning;
    private final OnConflict onConflict;
    private final boolean sortByParameterOrder;
    /** The extra columns of returnDefaults(...), or null when it was not asked for. */
    private final List<Expression<?>> returnDefaults;

    private Insert(TableClause table, List<Map<String, Expression<?>>> rows, boolean multi, List<String> selectColumns,
                   SelectBase select, List<Expression<?>> returning, OnConflict onConflict) {
        this(table, rows, multi, selectColumns, select, returning, onConflict, false, null);
    }

    private Insert(TableClause table, List<Map<String, Expression<?>>> rows, boolean multi, List<String> selectColumns,
                   SelectBase select, List<Expression<?>> returning, OnConflict onConflict,
                   boolean sortByParameterOrder) {
        this(table, rows, multi, selectColumns, select, returning, onConflict, sortByParameterOrder, null);
    }

    private Insert(TableClause table, List<Map<String, Expression<?>>> rows, boolean multi, List<String> selectColumns,
                   SelectBase select, List<Expression<?>> returning, OnConflict onConflict,
                   boolean sortByParameterOrder, List<Expression<?>> returnDefaults) {
        this.table = table;
        this.rows = rows;
        this.multi = multi;
        this.selectColumns = selectColumns;
        this.select = select;
        this.returning = returning;
        this.onConflict = onConflict;
        this.sortByParameterOrder = sortByParameterOrder;
        this.returnDefaults = returnDefaults;
    }

    static Insert into(TableClause table) {
        return new Insert(Objects.requireNonNull(table, "table"), List.of(), false, List.of(), null, List.of(), null);
    }

    /** {@return the target table} */
    public TableClause table() {
        return table;
    }

    /** {@return the VALUES rows, each a map of column name to expression; empty when none were given} */
    public List<Map<String, Expression<?>>> rows() {
        return rows;
    }

    /** {@return true for an explicit multi-row VALUES} */
    public boolean isMultiValues() {
        return multi;
    }

    /** {@return the INSERT ... SELECT query, or null} */
    public SelectBase fromSelectQuery() {
        return select;
    }

    /** {@return the column names of INSERT ... SELECT} */
    public List<String> fromSelectColumns() {
        return selectColumns;
    }

    /** {@return the upsert clause, or null} */
    public OnConflict onConflict() {
        return onConflict;
    }

    @Override
    public List<Expression<?>> returningColumns() {
        return returning;
    }

    /**
     * Sets the values of one row; keys are column names (or columns), values plain values or expressions.
     *
     * @param values the row
     * @return the new statement
     */
    public Insert values(Map<?, ?> values) {
        return new Insert(table, List.of(row(values, null)), false, List.of(), null, returning, onConflict,
                sortByParameterOrder, returnDefaults);
    }

    /**
     * A multi-row {@code VALUES (...), (...)}; every row must have the same keys.
     *
     * @param valueRows the rows
     * @return the new statement
     */
    public Insert values(List<? extends Map<?, ?>> valueRows) {
        if (valueRows.isEmpty()) {
            throw new ArgumentException("insert(" + table.fullName() + ").values(List) needs at least one row");
        }
        List<Map<String, Expression<?>>> r = new ArrayList<>();
        for (int i = 0; i < valueRows.size(); i++) {
            r.add(row(valueRows.get(i), i));
        }
        for (Map<String, Expression<?>> m : r) {
            if (!m.keySet().equals(r.get(0).keySet())) {
                throw new ArgumentException("Every row of a multi-row insert into " + table.fullName()
                        + " needs the same columns: " + r.get(0).keySet() + " vs " + m.keySet());
            }
        }
        return new Insert(table, List.copyOf(r), true, List.of(), null, returning, onConflict, sortByParameterOrder,
                returnDefaults);
    }

    private Map<String, Expression<?>> row(Map<?, ?> values, Integer index) {
        Map<String, Expression<?>> byName = new java.util.HashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            ColumnClause<?> col = Coercions.targetColumn(table, e.getKey());
            String bindName = index == null ? col.key() : col.key() + "_m" + index;
            byName.put(col.name(), Coercions.columnValue(col, bindName, e.getValue()));
        }
        return Coercions.withDefaults(table, byName, index == null ? "" : "_m" + index, false);
    }

    /**
     * {@code INSERT INTO table (columns) SELECT ...}.
     *
     * @param columns the target column names, in the SELECT's column order
     * @param query the query
     * @return the new statement
     */
    public Insert fromSelect(List<String> columns, SelectBase query) {
        List<String> names = new ArrayList<>(columns.size());
        for (String c : columns) {
            names.add(table.c(c).name());
        }
        return new Insert(table, List.of(), false, List.copyOf(names), query, returning, onConflict,
                sortByParameterOrder, returnDefaults);
    }

    /**
     * {@code RETURNING columns}: the statement returns the inserted rows' values (SQL Server: {@code OUTPUT}).
     * Executed with a list of parameter maps it inserts them with batched multi-row VALUES and returns rows in
     * the order given ("insertmanyvalues").
     *
     * @param columns columns or expressions of the table
     * @return the new statement
     */
    public Insert returning(Expression<?>... columns) {
        if (returnDefaults != null) {
            throw new ArgumentException("insert(" + table.fullName() + ") has returnDefaults() already; use one of "
                    + "returning(...) and returnDefaults()");
        }
        List<Expression<?>> r = new ArrayList<>(returning);
        r.addAll(List.of(columns));
        return new Insert(table, rows, multi, selectColumns, select, List.copyOf(r), onConflict, sortByParameterOrder,
                returnDefaults);
    }

    /**
     * Asks that an executemany of this {@code INSERT ... RETURNING} hand back its rows in the order of the parameter
     * sets (SQLAlchemy's {@code returning(..., sort_by_parameter_order=True)}), whatever order the database returns
     * them in. Retort correlates rows with parameter sets through an insert sentinel: a column marked
     * {@link org.retort.schema.Schema#insertSentinel()} or a primary key whose values the client supplies; or the
     * autoincrement primary key where the database assigns it in VALUES order (MariaDB) or in the order of an
     * {@code INSERT ... SELECT ... FROM (VALUES ...) ORDER BY} it then writes (PostgreSQL). Without one (SQLite with a
     * generated key), it runs one INSERT per parameter set and says so in the echo/debug log. A single execution
     * returns its rows as they come.
     *
     * <pre>{@code
     * conn.execute(insert(users).returning(users.c("id")).sortByParameterOrder(), rows)  // row i is rows.get(i)'s
     * }</pre>
     *
     * @return the new statement
     */
    public Insert sortByParameterOrder() {
        return new Insert(table, rows, multi, selectColumns, select, returning, onConflict, true, returnDefaults);
    }

    /** {@return true when an executemany returns its rows in parameter order; see {@link #sortByParameterOrder()}} */
    public boolean isSortByParameterOrder() {
        return sortByParameterOrder;
    }

    /**
     * Fetches the values the database generated for the inserted row (SQLAlchemy's {@code return_defaults()}):
     * the primary key and every column with a server-side default (DDL default, identity, autoincrement, computed,
     * SQL-expression or sequence default), plus the given columns. The result then holds them as
     * {@link org.retort.engine.Result#returnedDefaults()} and the key as
     * {@link org.retort.engine.Result#insertedPrimaryKey()}, one row per parameter set for an executemany. They come
     * from RETURNING where the database has it (batched with insertmanyvalues, in parameter order), else from the
     * driver's generated key or the given key and a SELECT of those columns by primary key.
     *
     * <pre>{@code
     * Result r = conn.execute(insert(users).values(Map.of("name", "x")).returnDefaults());
     * r.insertedPrimaryKey();                 // 7
     * r.returnedDefaults().get("created_at");  // the server's DEFAULT CURRENT_TIMESTAMP
     * }</pre>
     *
     * @param columns more columns to fetch
     * @return the new statement
     */
    public Insert returnDefaults(Expression<?>... columns) {
        if (!returning.isEmpty()) {
            throw new ArgumentException("insert(" + table.fullName() + ") has returning(...) already; returnDefaults() "
                    + "fetches the generated values instead of returning rows: use one or the other (add the "
                    + "columns to returning(...) to get them as rows)");
        }
        List<Expression<?>> r = new ArrayList<>(returnDefaults == null ? List.of() : returnDefaults);
        r.addAll(List.of(columns));
        return new Insert(table, rows, multi, selectColumns, select, returning, onConflict, sortByParameterOrder,
                List.copyOf(r));
    }

    /** {@return the extra columns of {@link #returnDefaults(Expression...)}, or null when it was not asked for} */
    public List<Expression<?>> returnDefaultsColumns() {
        return returnDefaults;
    }

    /**
     * {@return this statement returning the given columns in place of {@link #returnDefaults}: what the engine
     * executes for it where the database has RETURNING}
     *
     * @param columns the columns to return
     * @param sorted whether an executemany returns them in parameter order
     */
    public Insert returningInsteadOfDefaults(List<? extends Expression<?>> columns, boolean sorted) {
        return new Insert(table, rows, multi, selectColumns, select, List.copyOf(columns), onConflict, sorted, null);
    }

    /** {@return this statement without {@link #returnDefaults}: what the engine runs where there is no RETURNING} */
    public Insert withoutReturnDefaults() {
        return new Insert(table, rows, multi, selectColumns, select, returning, onConflict, sortByParameterOrder, null);
    }

    /** {@return the statement with {@code ON CONFLICT DO NOTHING} (PostgreSQL, SQLite)} */
    public Insert onConflictDoNothing() {
        return withConflict(new OnConflict(OnConflict.Kind.DO_NOTHING, List.of(), Map.of(), null));
    }

    /**
     * {@return the statement with {@code ON CONFLICT (targets) DO NOTHING}}
     *
     * @param targets the conflict target columns
     */
    public Insert onConflictDoNothing(Expression<?>... targets) {
        return withConflict(new OnConflict(OnConflict.Kind.DO_NOTHING, List.of(targets), Map.of(), null));
    }

    /**
     * {@code ON CONFLICT (targets) DO UPDATE SET ...} (PostgreSQL, SQLite); use {@link Sql#excluded(ColumnClause)}
     * for the value that was being inserted.
     *
     * @param targets the conflict target (unique or primary key columns)
     * @param set new values by column name
     * @return the new statement
     */
    public Insert onConflictDoUpdate(List<? extends Expression<?>> targets, Map<?, ?> set) {
        return onConflictDoUpdate(targets, set, null);
    }

    /**
     * {@code ON CONFLICT (targets) DO UPDATE SET ... WHERE condition}.
     *
     * @param targets the conflict target
     * @param set new values by column name
     * @param where which conflicting rows to update, or null
     * @return the new statement
     */
    public Insert onConflictDoUpdate(List<? extends Expression<?>> targets, Map<?, ?> set, Expression<?> where) {
        if (targets.isEmpty()) {
            throw new ArgumentException("ON CONFLICT DO UPDATE needs the conflict target columns");
        }
        return withConflict(new OnConflict(OnConflict.Kind.DO_UPDATE, List.copyOf(targets), setValues(set), where));
    }

    /**
     * {@code ON CONFLICT (targets) WHERE indexWhere DO UPDATE SET ... WHERE condition} (SQLAlchemy's
     * {@code index_where}): the conflict target is a partial unique index. With no targets, SQLite (3.35+)
     * updates on any conflict; PostgreSQL needs a target and refuses it at compile time.
     *
     * @param targets the conflict target, may be empty on SQLite
     * @param indexWhere the partial index's predicate, or null
     * @param set new values by column name
     * @param where which conflicting rows to update, or null
     * @return the new statement
     */
    public Insert onConflictDoUpdate(List<? extends Expression<?>> targets, Expression<?> indexWhere, Map<?, ?> set,
                                     Expression<?> where) {
        if (set.isEmpty()) {
            throw new ArgumentException("ON CONFLICT DO UPDATE needs values to set; use onConflictDoNothing() instead");
        }
        return withConflict(new OnConflict(OnConflict.Kind.DO_UPDATE, List.copyOf(targets), null, indexWhere,
                setValues(set), where));
    }

    /**
     * PostgreSQL's {@code ON CONFLICT ON CONSTRAINT name DO UPDATE SET ...}, or {@code DO NOTHING} when
     * {@code set} is empty: the conflict is named by a unique or exclusion constraint.
     *
     * @param constraint the constraint's name
     * @param set new values by column name; empty for DO NOTHING
     * @return the new statement
     */
    public Insert onConflictOnConstraint(String constraint, Map<?, ?> set) {
        java.util.Objects.requireNonNull(constraint, "constraint");
        OnConflict.Kind kind = set.isEmpty() ? OnConflict.Kind.DO_NOTHING : OnConflict.Kind.DO_UPDATE;
        return withConflict(new OnConflict(kind, List.of(), constraint, null, setValues(set), null));
    }

    /**
     * Insert, or update the row that has the same key: the one upsert that renders on every dialect, as
     * {@code ON CONFLICT (keys) DO UPDATE SET ...} on PostgreSQL and SQLite, {@code ON DUPLICATE KEY UPDATE ...}
     * on MySQL and MariaDB (which match on any unique key), and {@code MERGE INTO ... USING (VALUES ...) AS excluded
     * ON (keys) WHEN MATCHED THEN UPDATE ... WHEN NOT MATCHED THEN INSERT ...} on H2, SQL Server and Oracle. In
     * {@code set}, {@link Sql#excluded(ColumnClause)} is the value the row being inserted has. An empty
     * {@code set} inserts the row only when no row has its key.
     *
     * <pre>{@code
     * insert(users).values(row).upsert(List.of(users.c("id")), Map.of("name", excluded(users.c("name"))))
     * }</pre>
     *
     * @param keys the columns that identify the row (a primary key or unique constraint)
     * @param set new values by column name for an existing row; empty to leave it as it is
     * @return the new statement
     */
    public Insert upsert(List<? extends Expression<?>> keys, Map<?, ?> set) {
        if (keys.isEmpty()) {
            throw new ArgumentException("upsert() needs the key columns that identify the row, "
                    + "for example List.of(table.c(\"id\"))");
        }
        for (Expression<?> k : keys) {
            if (!(k instanceof ColumnClause<?> c) || c.table() != table) {
                throw new ArgumentException("upsert() keys are columns of " + table.fullName() + ", got " + k);
            }
        }
        return withConflict(new OnConflict(OnConflict.Kind.UPSERT, List.copyOf(keys), setValues(set), null));
    }

    /**
     * MySQL/MariaDB {@code ON DUPLICATE KEY UPDATE col = value, ...}; {@link Sql#excluded(ColumnClause)} renders
     * {@code VALUES(col)}.
     *
     * @param set new values by column name
     * @return the new statement
     */
    public Insert onDuplicateKeyUpdate(Map<?, ?> set) {
        return withConflict(new OnConflict(OnConflict.Kind.DUPLICATE_KEY_UPDATE, List.of(), setValues(set), null));
    }

    private Map<String, Expression<?>> setValues(Map<?, ?> set) {
        Map<String, Expression<?>> byName = new java.util.HashMap<>();
        for (Map.Entry<?, ?> e : set.entrySet()) {
            ColumnClause<?> col = Coercions.targetColumn(table, e.getKey());
            byName.put(col.name(), Coercions.columnValue(col, col.key(), e.getValue(), true));
        }
        return Coercions.inTableOrder(table, byName);
    }

    private Insert withConflict(OnConflict c) {
        return new Insert(table, rows, multi, selectColumns, select, returning, c, sortByParameterOrder,
                returnDefaults);
    }

    /**
     * This INSERT as executed with a parameter map: without VALUES, the columns named by the map's keys
     * (in table order) get {@code :column} parameters.
     */
    @Override
    public Executable forParameters(Map<String, ?> params) {
        if (!rows.isEmpty() || select != null) {
            return this;
        }
        return derivedFor(params, () -> withParameterValues(params));
    }

    private Executable withParameterValues(Map<String, ?> params) {
        Map<String, Expression<?>> r = new LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            if (params.containsKey(c.key())) {
                r.put(c.name(), new BindParameter<>(c.key(), null, c.type(), false, false, false));
            }
        }
        r = Coercions.withDefaults(table, r, "", false);
        if (r.isEmpty()) {
            return this;
        }
        for (String k : params.keySet()) {
            if (!table.hasColumn(k)) {
                throw new ArgumentException("Unconsumed column names: " + k + " (table " + table.fullName()
                        + " has columns " + table.columns().stream().map(ColumnClause::key).toList() + ")");
            }
        }
        return new Insert(table, List.of(r), false, List.of(), null, returning, onConflict, sortByParameterOrder,
                returnDefaults);
    }

    /**
     * For executemany with RETURNING: the single-row statement whose VALUES row the engine repeats
     * (insertmanyvalues), or null when this statement or the dialect does not qualify.
     *
     * @param paramSets the parameter sets
     * @param dialect the dialect
     * @return the statement bound to the first set's names, or null
     */
    @Override
    public Executable manyValuesBase(List<? extends Map<String, ?>> paramSets, Dialect dialect) {
        return org.retort.sql.internal.InsertManyValues.base(this, paramSets, dialect);
    }

    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
