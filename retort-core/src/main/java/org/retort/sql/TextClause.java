package org.retort.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * Literal SQL with {@code :name} bind parameters (SQLAlchemy's {@code text()}).
 *
 * <pre>{@code
 * conn.execute(text("SELECT x, y FROM t WHERE y > :y"), Map.of("y", 2));
 * }</pre>
 *
 * <p>{@code :name} becomes a JDBC {@code ?}; a PostgreSQL cast {@code ::type} is left alone, as is a colon
 * inside a quoted string or identifier; write {@code \:} for a literal colon that would otherwise start a
 * parameter. Values are always bound, never spliced into the text. Immutable: {@link #bindparams(Map)} and
 * {@link #columns(Map)} return new clauses.
 */
public final class TextClause implements Executable {
    private final String text;
    private final List<String> fragments;
    private final List<String> names;
    private final Map<String, Object> values;
    private final Map<String, SqlType<?>> bindTypes;
    private final Map<String, SqlType<?>> columnTypes;

    private TextClause(String text, List<String> fragments, List<String> names, Map<String, Object> values,
                       Map<String, SqlType<?>> bindTypes, Map<String, SqlType<?>> columnTypes) {
        this.text = text;
        this.fragments = fragments;
        this.names = names;
        this.values = values;
        this.bindTypes = bindTypes;
        this.columnTypes = columnTypes;
    }

    /**
     * Parses SQL text with {@code :name} parameters.
     *
     * @param sql the SQL
     * @return the clause
     */
    public static TextClause of(String sql) {
        Objects.requireNonNull(sql, "sql");
        List<String> fragments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = skipQuoted(sql, i, c);
                cur.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                cur.append(sql, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                cur.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                cur.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1)) && (i == 0 || sql.charAt(i - 1) != ':')) {
                int j = i + 1;
                while (j < n && isNamePart(sql.charAt(j))) {
                    j++;
                }
                fragments.add(cur.toString());
                cur.setLength(0);
                names.add(sql.substring(i + 1, j));
                i = j;
            } else {
                cur.append(c);
                i++;
            }
        }
        fragments.add(cur.toString());
        return new TextClause(sql, List.copyOf(fragments), List.copyOf(names), Map.of(), Map.of(), Map.of());
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** {@return the SQL as written} */
    public String text() {
        return text;
    }

    /** {@return the SQL text around the parameters: one more fragment than {@link #parameterNames()}} */
    public List<String> fragments() {
        return fragments;
    }

    /** {@return the parameter names in the order they appear (a name may repeat)} */
    public List<String> parameterNames() {
        return names;
    }

    /**
     * Returns a clause with values bound to some of its parameters; values passed to execute still win.
     *
     * @param params values by parameter name
     * @return the new clause
     * @throws org.retort.exc.ArgumentException when a name is not a parameter of this text
     */
    public TextClause bindparams(Map<String, ?> params) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        for (Map.Entry<String, ?> e : params.entrySet()) {
            requireParameter(e.getKey());
            v.put(e.getKey(), e.getValue());
        }
        return new TextClause(text, fragments, names, java.util.Collections.unmodifiableMap(v), bindTypes, columnTypes);
    }

    /**
     * Returns a clause with one parameter bound to a value.
     *
     * @param name the parameter
     * @param value its value
     * @return the new clause
     */
    public TextClause bindparam(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, value);
        return bindparams(m);
    }

    /**
     * Returns a clause whose parameter has a type, so that values are bound with that type's binder.
     *
     * @param name the parameter
     * @param type its type
     * @return the new clause
     */
    public TextClause bindType(String name, SqlType<?> type) {
        requireParameter(name);
        Map<String, SqlType<?>> t = new LinkedHashMap<>(bindTypes);
        t.put(name, type);
        return new TextClause(text, fragments, names, values, Map.copyOf(t), columnTypes);
    }

    /**
     * Returns a clause that knows the types of its result columns, so rows hold converted values (SQLAlchemy's
     * {@code TextClause.columns()}).
     *
     * @param types result column types by column label, in select order
     * @return the new clause
     */
    public TextClause columns(Map<String, SqlType<?>> types) {
        return new TextClause(text, fragments, names, values, bindTypes, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types)));
    }

    /**
     * This text as a SELECT with the given result columns (SQLAlchemy's {@code TextClause.columns()}), usable as a
     * subquery, CTE or UNION member: {@code text("SELECT id FROM t").columns(ColumnClause.named("id", INTEGER))}.
     *
     * @param resultColumns the columns the query returns, in order, named as the query names them
     * @return the query
     */
    public TextualSelect columns(ColumnClause<?>... resultColumns) {
        for (ColumnClause<?> c : resultColumns) {
            if (c.table() != null) {
                throw new org.retort.exc.ArgumentException("text().columns() takes free-standing columns "
                        + "(ColumnClause.named(name, type)), not " + c + " of a table");
            }
        }
        return TextualSelect.of(this, List.of(resultColumns));
    }

    /**
     * The type bound to a parameter with {@link #bindType(String, SqlType)}, or {@link NullType}.
     *
     * @param name the parameter
     * @return its type
     */
    public SqlType<?> bindTypeOf(String name) {
        return bindTypes.getOrDefault(name, NullType.INSTANCE);
    }

    private void requireParameter(String name) {
        if (!names.contains(name)) {
            throw new org.retort.exc.ArgumentException("This text() has no bind parameter '" + name
                    + "'; its parameters are " + names.stream().distinct().toList());
        }
    }

    @Override
    public Compiled compile(Dialect dialect) {
        List<BindSlot> slots = new ArrayList<>(names.size());
        for (String name : names) {
            slots.add(new BindSlot(name, bindTypes.getOrDefault(name, NullType.INSTANCE), false));
        }
        List<ResultColumn> cols = new ArrayList<>();
        columnTypes.forEach((k, t) -> cols.add(new ResultColumn(k, t, k)));
        return new Compiled(dialect, StatementKind.TEXT, fragments, slots, cols, values, false);
    }

    @Override
    public Object cacheKey() {
        return Arrays.asList(TextClause.class, text, bindTypes, columnTypes);
    }

    @Override
    public Map<String, Object> boundValues() {
        return values;
    }

    @Override
    public String toString() {
        return text;
    }
}
