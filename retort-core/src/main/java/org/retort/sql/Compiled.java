package org.retort.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;
import org.retort.types.SqlType;
import org.retort.types.ValueBinder;
import org.retort.types.ValueReader;

/**
 * A statement compiled for one dialect: the SQL with {@code ?} placeholders, the bind parameter of each
 * placeholder, and the result columns it returns (SQLAlchemy's {@code Compiled}).
 *
 * <p>Immutable and shareable: the engine caches one per (dialect, statement structure) and binds new values to
 * it on each execution with {@link #bind(Map, Map)}. Binders and readers are resolved once, here, so
 * execution does no type lookups.
 */
public final class Compiled {
    private final Dialect dialect;
    private final StatementKind kind;
    private final List<String> fragments;
    private final List<BindSlot> slots;
    private final List<ResultColumn> resultColumns;
    private final Map<String, Object> values;
    private final boolean returning;
    private final String sql;
    private final boolean hasExpanding;
    /** True when a slot is literal-execute: its value goes into the SQL text at each execution. */
    private final boolean hasLiteral;
    private final ValueBinder<Object>[] binders;
    private final ValueReader<?>[] readers;
    private final String[] slotNames;
    /** The single VALUES row of an INSERT as {start fragment, offset, end fragment, offset}, or null. */
    private final int[] valuesGroup;
    /** What the engine derived about this statement's rows on its first execution (see engineResultCache). */
    private volatile Object engineResultCache;
    /** The positions of the OUT parameters (Oracle's RETURNING ... INTO), in placeholder order; usually none. */
    private final int[] outSlots;
    /** Multi-row SQL by row count, for insertmanyvalues; usually two entries (full batch and the last one). */
    private final Map<Integer, String> multiRowSql = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Creates a compiled statement.
     *
     * @param dialect the dialect it was compiled for
     * @param kind what the statement does
     * @param fragments the SQL text around the placeholders: one more fragment than slots; an expanding slot's
     *                  placeholders go between its two fragments
     * @param slots the bind parameters in placeholder order
     * @param resultColumns the columns of the rows it returns, empty when unknown or none
     * @param values the parameter values the compiled statement carried itself, by name
     * @param returning true when an INSERT/UPDATE/DELETE returns rows (RETURNING)
     */
    public Compiled(Dialect dialect, StatementKind kind, List<String> fragments, List<BindSlot> slots,
                    List<ResultColumn> resultColumns, Map<String, Object> values, boolean returning) {
        this(dialect, kind, fragments, slots, resultColumns, values, returning, null);
    }

    /**
     * Creates a compiled single-row INSERT whose VALUES row is marked, so that {@link #bindRows} can repeat it
     * for many parameter sets (insertmanyvalues).
     *
     * @param dialect the dialect it was compiled for
     * @param kind what the statement does
     * @param fragments the SQL text around the placeholders, one more than slots
     * @param slots the bind parameters in placeholder order
     * @param resultColumns the columns of the rows it returns
     * @param values the parameter values the compiled statement carried itself, by name
     * @param returning true when the statement returns rows
     * @param valuesGroup the VALUES row: fragment index and offset of its "(", fragment index and offset after its
     *                    ")"; null when the statement has no single VALUES row
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Compiled(Dialect dialect, StatementKind kind, List<String> fragments, List<BindSlot> slots,
                    List<ResultColumn> resultColumns, Map<String, Object> values, boolean returning,
                    int[] valuesGroup) {
        if (fragments.size() != slots.size() + 1) {
            throw new IllegalArgumentException("need one more SQL fragment than bind slots");
        }
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.kind = kind;
        this.fragments = List.copyOf(fragments);
        this.slots = List.copyOf(slots);
        this.resultColumns = List.copyOf(resultColumns);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.returning = returning;
        boolean expanding = false;
        boolean literal = false;
        this.binders = new ValueBinder[slots.size()];
        this.slotNames = new String[slots.size()];
        int outs = 0;
        for (int i = 0; i < slots.size(); i++) {
            BindSlot slot = slots.get(i);
            expanding |= slot.expanding();
            literal |= slot.literalExecute();
            binders[i] = slot.out() ? org.retort.sql.internal.OutParameters.registering(slot)
                    : (ValueBinder<Object>) slot.type().binder(dialect);
            slotNames[i] = slot.name();
            outs += slot.out() ? 1 : 0;
        }
        this.outSlots = new int[outs];
        for (int i = 0, k = 0; i < slots.size(); i++) {
            if (slots.get(i).out()) {
                outSlots[k++] = i;
            }
        }
        this.hasExpanding = expanding;
        this.hasLiteral = literal;
        this.readers = new ValueReader<?>[resultColumns.size()];
        for (int i = 0; i < resultColumns.size(); i++) {
            readers[i] = resultColumns.get(i).type().reader(dialect);
        }
        this.sql = render(null);
        this.valuesGroup = valuesGroup == null || expanding || literal ? null : valuesGroup.clone();
    }

    /**
     * A compiled statement without bind parameters, for DDL and other fixed SQL.
     *
     * @param dialect the dialect
     * @param kind what the statement does
     * @param sql the SQL
     * @return the compiled statement
     */
    public static Compiled ofSql(Dialect dialect, StatementKind kind, String sql) {
        return new Compiled(dialect, kind, List.of(sql), List.of(), List.of(), Map.of(), false);
    }

    /** {@return the dialect this was compiled for} */
    public Dialect dialect() {
        return dialect;
    }

    /** {@return what the statement does} */
    public StatementKind kind() {
        return kind;
    }

    /**
     * The SQL with {@code ?} placeholders. An expanding (IN-list) parameter shows as a single {@code ?} here;
     * it becomes one placeholder per element when values are bound. A literal-execute parameter shows as
     * {@code __[POSTCOMPILE_name]}; binding writes its value there as an escaped literal.
     *
     * @return the SQL
     */
    public String sql() {
        return sql;
    }

    /** {@return the bind parameters in placeholder order} */
    public List<BindSlot> bindSlots() {
        return slots;
    }

    /**
     * {@return the names of the positional parameters, in order (a name may repeat); literal-execute parameters,
     * whose values are written into the SQL, have no position and are left out}
     */
    public List<String> positionalNames() {
        if (!hasLiteral) {
            return List.of(slotNames);
        }
        List<String> names = new ArrayList<>(slotNames.length);
        for (int i = 0; i < slotNames.length; i++) {
            if (!slots.get(i).literalExecute()) {
                names.add(slotNames[i]);
            }
        }
        return List.copyOf(names);
    }

    /** {@return the values the statement carried when it was compiled, by bind name} */
    public Map<String, Object> params() {
        return values;
    }

    /** {@return the columns of the returned rows, empty when the compiler does not know them} */
    public List<ResultColumn> resultColumns() {
        return resultColumns;
    }

    /** {@return the value readers of {@link #resultColumns()}, index for index} */
    public ValueReader<?>[] resultReaders() {
        return readers;
    }

    /**
     * For the engine: the immutable description of this statement's result rows (column keys, value readers) it
     * derived on a first execution, so later executions skip reading the driver's metadata. Null until then.
     *
     * @return what the engine stored, or null
     */
    public Object engineResultCache() {
        return engineResultCache;
    }

    /**
     * For the engine: keeps the immutable description of this statement's result rows; see
     * {@link #engineResultCache()}.
     *
     * @param value an immutable object of the engine's
     */
    public void engineResultCache(Object value) {
        this.engineResultCache = value;
    }

    /**
     * The 0-based placeholder positions of the OUT parameters, in order: the values of
     * {@link #resultColumns()} when the database returns them into parameters (Oracle's
     * {@code RETURNING ... INTO ?}) rather than as rows. Such a statement runs as a callable statement
     * ({@link Dialect#returningIntoCall(String)}); binding gives the OUT positions no value.
     *
     * @return the positions; empty for a statement without OUT parameters
     */
    public int[] outParameters() {
        return outSlots.clone();
    }

    /** {@return true when the statement has OUT parameters (see {@link #outParameters()})} */
    public boolean hasOutParameters() {
        return outSlots.length > 0;
    }

    /** {@return true when an INSERT/UPDATE/DELETE returns rows} */
    public boolean isReturning() {
        return returning;
    }

    /**
     * Binds values for one execution. A name in {@code params} wins over the statement's own value.
     *
     * @param statementValues values the executed statement carries (its {@link Executable#boundValues()})
     * @param params values passed to execute, may be empty
     * @return the SQL and positional values
     * @throws ArgumentException when a bind parameter has no value
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public BoundStatement bind(Map<String, ?> statementValues, Map<String, ?> params) {
        int n = slots.size();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = valueOf(i, params, statementValues, -1);
        }
        boolean[] textLists = kind == StatementKind.TEXT ? textLists(out) : null;
        if (!hasExpanding && !hasLiteral && textLists == null) {
            return new BoundStatement(sql, slotNames, out, binders);
        }
        List<Object> flat = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ValueBinder<Object>> flatBinders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (slots.get(i).literalExecute()) {
                continue; // written into the SQL by render()
            }
            if (slots.get(i).expanding() || (textLists != null && textLists[i])) {
                Collection<?> items = expandingValues(slots.get(i), out[i]);
                for (Object item : items) {
                    flat.add(item);
                    names.add(slotNames[i]);
                    flatBinders.add(binders[i]);
                }
            } else {
                flat.add(out[i]);
                names.add(slotNames[i]);
                flatBinders.add(binders[i]);
            }
        }
        return new BoundStatement(render(out, textLists), names.toArray(String[]::new), flat.toArray(),
                flatBinders.toArray(ValueBinder[]::new));
    }

    /**
     * In {@code text()}, a parameter of no declared type given a collection is an expanding IN list, as
     * SQLAlchemy's {@code bindparam(expanding=True)}: {@code IN :ids} becomes {@code IN (?, ?, ?)}. A
     * collection meant as one value (a PostgreSQL array) needs {@code bindType(name, ARRAY(...))}.
     *
     * @return per slot, true when it expands; null when none does
     */
    private boolean[] textLists(Object[] values) {
        boolean[] lists = null;
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Collection<?> && slots.get(i).type() instanceof org.retort.types.NullType) {
                if (lists == null) {
                    lists = new boolean[values.length];
                }
                lists[i] = true;
            }
        }
        return lists;
    }

    /**
     * {@return the number of bind parameters of the VALUES row that {@link #bindRows} repeats, or -1 when this
     * statement cannot be repeated (it is not a single-row INSERT ... VALUES)}
     */
    public int valuesRowParameters() {
        return valuesGroup == null ? -1 : valuesGroup[2] - valuesGroup[0];
    }

    /**
     * {@return the placeholder position of the first bind parameter of the VALUES row that {@link #bindRows}
     * repeats, or -1 when the statement has no such row}
     */
    public int valuesRowStart() {
        return valuesGroup == null ? -1 : valuesGroup[0];
    }

    /**
     * Binds many parameter sets to one multi-row statement (insertmanyvalues): the VALUES row of this single-row
     * INSERT is repeated once per set, {@code VALUES (?, ?), (?, ?), ...}, and each copy takes that set's values;
     * parameters outside the row take the first set's. A name in a set wins over the statement's own value, and
     * a deferred value (a Java-side default) is evaluated once per row.
     *
     * @param statementValues values the executed statement carries
     * @param rows the parameter sets, one per row; not empty
     * @param firstRowNumber the position of {@code rows.get(0)} among all sets, for error messages
     * @return the multi-row SQL and its positional values
     * @throws ArgumentException when a set lacks a value
     * @throws IllegalStateException when the statement has no VALUES row to repeat
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public BoundStatement bindRows(Map<String, ?> statementValues, List<? extends Map<String, ?>> rows,
                                   int firstRowNumber) {
        if (valuesGroup == null) {
            throw new IllegalStateException("not a single-row INSERT ... VALUES: " + sql);
        }
        int k = rows.size();
        int groupFrom = valuesGroup[0];
        int groupTo = valuesGroup[2];
        int perRow = groupTo - groupFrom;
        int n = slots.size() - perRow + k * perRow;
        Object[] out = new Object[n];
        String[] names = new String[n];
        ValueBinder<Object>[] outBinders = new ValueBinder[n];
        // slots before the VALUES row, the row once per set, slots after it: each slot once in that order
        int pos = 0;
        for (int seg = -1; seg <= k; seg++) {
            int from = seg < 0 ? 0 : seg < k ? groupFrom : groupTo;
            int to = seg < 0 ? groupFrom : seg < k ? groupTo : slotNames.length;
            int set = seg < 0 || seg == k ? 0 : seg;
            for (int i = from; i < to; i++, pos++) {
                out[pos] = valueOf(i, rows.get(set), statementValues, firstRowNumber + set);
                names[pos] = slotNames[i];
                outBinders[pos] = binders[i];
            }
        }
        return new BoundStatement(multiRowSql.computeIfAbsent(k, this::renderRows), names, out, outBinders);
    }

    /** The value of a slot: from the parameters, else the statement's own; {@code rowNumber} -1 for one execution. */
    private Object valueOf(int slot, Map<String, ?> params, Map<String, ?> statementValues, int rowNumber) {
        if (slots.get(slot).out()) {
            return null; // the database fills it
        }
        String name = slotNames[slot];
        Object v;
        if (params.containsKey(name)) {
            v = plain(params.get(name), name, rowNumber);
        } else if (statementValues.containsKey(name)) {
            v = statementValues.get(name);
        } else if (rowNumber < 0) {
            throw new ArgumentException("A value is required for bind parameter '" + name + "'"
                    + " in: " + sql + " (pass it in the parameter map, or give the bind parameter a value)");
        } else {
            throw new ArgumentException("A value is required for bind parameter '" + name + "', in parameter set "
                    + rowNumber + " (every set of an executemany needs the keys of the first)");
        }
        return v instanceof DeferredValue d ? d.get() : v;
    }

    /** A parameter value must be a value: SQL in a parameter map would need other SQL than was compiled. */
    private static Object plain(Object v, String name, int rowNumber) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long) {
            return v; // the usual values, each a final class: one compare, where the tests below scan interfaces
        }
        if (v instanceof Expression<?> || v instanceof SelectBase) {
            throw new ArgumentException((rowNumber < 0 ? "The parameters give" : "Parameter set " + rowNumber + " gives")
                    + " '" + name + "' a SQL expression (" + v + "); parameters bind plain values only. Put SQL in the "
                    + "statement (insert(t).values(...), update(t).set(...)) or execute that set on its own");
        }
        return v;
    }

    /** The SQL with the VALUES row written {@code rows} times. */
    private String renderRows(int rows) {
        int sf = valuesGroup[0];
        int so = valuesGroup[1];
        int ef = valuesGroup[2];
        int eo = valuesGroup[3];
        StringBuilder prefix = new StringBuilder();
        for (int f = 0; f < sf; f++) {
            prefix.append(fragments.get(f)).append('?');
        }
        prefix.append(fragments.get(sf), 0, so);
        String group;
        if (sf == ef) {
            group = fragments.get(sf).substring(so, eo);
        } else {
            StringBuilder g = new StringBuilder(fragments.get(sf).substring(so)).append('?');
            for (int f = sf + 1; f < ef; f++) {
                g.append(fragments.get(f)).append('?');
            }
            group = g.append(fragments.get(ef), 0, eo).toString();
        }
        StringBuilder sb = new StringBuilder(prefix.length() + rows * (group.length() + 2) + 64).append(prefix);
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(", ");
            }
            sb.append(group);
        }
        sb.append(fragments.get(ef), eo, fragments.get(ef).length());
        for (int f = ef + 1; f < fragments.size(); f++) {
            sb.append('?').append(fragments.get(f));
        }
        return sb.toString();
    }

    private static Collection<?> expandingValues(BindSlot slot, Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Object[] a) {
            return List.of(a);
        }
        throw new ArgumentException("Bind parameter '" + slot.name() + "' is an IN list and needs a collection "
                + "or array value, got " + (value == null ? "null" : value.getClass().getName()));
    }

    private String render(Object[] boundValues) {
        return render(boundValues, null);
    }

    private String render(Object[] boundValues, boolean[] textLists) {
        if (slots.isEmpty()) {
            return fragments.get(0);
        }
        StringBuilder sb = new StringBuilder(fragments.get(0));
        org.retort.sql.compiler.SqlCompiler literals = null;
        for (int i = 0; i < slots.size(); i++) {
            boolean textList = textLists != null && textLists[i];
            if (slots.get(i).literalExecute()) {
                if (boundValues == null) {
                    sb.append("__[POSTCOMPILE_").append(slotNames[i]).append(']');
                } else {
                    if (literals == null) {
                        literals = dialect.sqlCompiler();
                    }
                    appendLiteral(sb, literals, slots.get(i), boundValues[i]);
                }
            } else if ((slots.get(i).expanding() || textList) && boundValues != null) {
                int size = expandingValues(slots.get(i), boundValues[i]).size();
                boolean parens = textList && !endsWithParen(fragments.get(i));
                if (parens) {
                    sb.append('(');
                }
                if (size == 0) {
                    sb.append(dialect.emptySetExpression(slots.get(i).type()));
                } else {
                    sb.append("?");
                    sb.append(", ?".repeat(size - 1));
                }
                if (parens) {
                    sb.append(')');
                }
            } else {
                sb.append('?');
            }
            sb.append(fragments.get(i + 1));
        }
        return sb.toString();
    }

    /** A literal-execute value written as SQL: one escaped literal, or an IN list of them. */
    private void appendLiteral(StringBuilder sb, org.retort.sql.compiler.SqlCompiler literals, BindSlot slot,
                               Object value) {
        if (!slot.expanding()) {
            sb.append(literals.renderLiteralValue(value, slot.type()));
            return;
        }
        Collection<?> items = expandingValues(slot, value);
        if (items.isEmpty()) {
            sb.append(dialect.emptySetExpression(slot.type()));
            return;
        }
        String sep = "";
        for (Object item : items) {
            sb.append(sep).append(literals.renderLiteralValue(item instanceof DeferredValue d ? d.get() : item,
                    slot.type()));
            sep = ", ";
        }
    }

    private static boolean endsWithParen(String fragment) {
        for (int i = fragment.length() - 1; i >= 0; i--) {
            char c = fragment.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '(';
            }
        }
        return false;
    }

    /**
     * Renders the SQL with the values inlined as literals, for logs and debugging only; never executed.
     *
     * @return a readable form of the SQL and its parameters
     */
    @Override
    public String toString() {
        if (values.isEmpty()) {
            return sql;
        }
        return sql + "\n" + values;
    }

    /**
     * The types of the result columns, for code that reads rows itself.
     *
     * @return the types in column order
     */
    public List<SqlType<?>> resultTypes() {
        return resultColumns.stream().<SqlType<?>>map(ResultColumn::type).toList();
    }
}
