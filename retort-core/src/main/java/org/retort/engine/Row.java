package org.retort.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.exc.ArgumentException;

/**
 * One row of a {@link Result}: a tuple addressed by position, by column name, or by the column object it was
 * selected as (SQLAlchemy's {@code Row}). Immutable; two rows are equal when their values are equal.
 */
public final class Row extends AbstractList<Object> {
    private final RowMetadata metadata;
    private final Object[] values;

    Row(RowMetadata metadata, Object[] values) {
        this.metadata = metadata;
        this.values = values;
    }

    /**
     * The value at a position.
     *
     * @param index 0-based column position
     * @return the value, or null for SQL NULL
     */
    @Override
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new ArgumentException("Row index " + index + " is out of range for a row of " + values.length + " columns");
        }
        return values[index];
    }

    /**
     * The value of a named column (exact name first, then ignoring case).
     *
     * @param name the column's name or label
     * @return the value
     * @throws org.retort.exc.NoSuchColumnException when the row has no such column
     */
    public Object get(String name) {
        return values[metadata.indexOf(name)];
    }

    /**
     * The value of the column selected as the given expression (a table column, a labelled expression, ...).
     *
     * @param column the column object
     * @return the value
     */
    public Object getByColumn(Object column) {
        return values[metadata.indexOf(column)];
    }

    /**
     * The value at a position, cast to a type.
     *
     * @param index 0-based position
     * @param type the expected class
     * @param <T> the type
     * @return the value
     */
    public <T> T get(int index, Class<T> type) {
        return cast(get(index), type, String.valueOf(index));
    }

    /**
     * The value of a named column, cast to a type.
     *
     * @param name the column's name
     * @param type the expected class
     * @param <T> the type
     * @return the value
     */
    public <T> T get(String name, Class<T> type) {
        return cast(get(name), type, name);
    }

    private static <T> T cast(Object v, Class<T> type, String where) {
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof Number n) {
            Object converted = Numbers.convert(n, type);
            if (converted != null) {
                return type.cast(converted);
            }
        }
        throw new ArgumentException("Column " + where + " holds a " + v.getClass().getName() + ", not a "
                + type.getName() + ": read it as that type, or cast it in SQL");
    }

    /** {@return the number of columns} */
    @Override
    public int size() {
        return values.length;
    }

    /** {@return the column names, in order} */
    public List<String> keys() {
        return metadata.keys();
    }

    /** {@return the row as an ordered, unmodifiable map from column name to value (SQLAlchemy's {@code _mapping})} */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> k = metadata.keys();
        for (int i = 0; i < values.length; i++) {
            m.putIfAbsent(k.get(i), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** {@return a copy of the values} */
    @Override
    public Object[] toArray() {
        return values.clone();
    }

    RowMetadata metadata() {
        return metadata;
    }

    Object[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof Row r) {
            return Arrays.deepEquals(values, r.values);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** {@return the values in parentheses, like a SQL row: {@code (1, 'spongebob')}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = values[i];
            sb.append(v instanceof CharSequence ? "'" + v + "'" : v instanceof byte[] b ? "<" + b.length + " bytes>" : String.valueOf(v));
        }
        if (values.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
