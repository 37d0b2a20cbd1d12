package org.retort.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retort.exc.ArgumentException;
import org.retort.exc.NoSuchColumnException;

/**
 * The keys of a result's rows, shared by all its rows: column names and, where known, the expression objects
 * they were selected as; a table column declared with a {@code key(...)} is also found by that key. Immutable.
 */
final class RowMetadata {
    private final String[] keys;
    private final Object[] sources;
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<String, Integer> byFoldedName = new HashMap<>();
    private final Map<Object, Integer> bySource = new IdentityHashMap<>();
    private final Map<Object, Integer> bySourceEquality = new HashMap<>();

    RowMetadata(String[] keys, Object[] sources) {
        this.keys = keys;
        this.sources = sources;
        for (int i = keys.length - 1; i >= 0; i--) {
            byName.put(keys[i], i);
            byFoldedName.put(keys[i].toLowerCase(Locale.ROOT), i);
            if (sources[i] != null) {
                bySource.put(sources[i], i);
                bySourceEquality.put(sources[i], i);
            }
        }
        // a column declared with a key other than its name is also found by its key (SQLAlchemy's keyed accessor),
        // unless another column of the row already answers to that name; the first such column wins
        for (int i = 0; i < keys.length; i++) {
            if (sources[i] instanceof org.retort.sql.ColumnClause<?> c && !c.key().equals(c.name())
                    && c.name().equals(keys[i]) && !byName.containsKey(c.key())) {
                byName.put(c.key(), i);
                byFoldedName.putIfAbsent(c.key().toLowerCase(Locale.ROOT), i);
            }
        }
    }

    List<String> keys() {
        return List.of(keys);
    }

    int size() {
        return keys.length;
    }

    int indexOf(String name) {
        Integer i = byName.get(name);
        if (i == null) {
            i = byFoldedName.get(name.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new NoSuchColumnException("Could not locate column in row for column '" + name + "'; the row has "
                    + Arrays.toString(keys));
        }
        return i;
    }

    int indexOf(Object key) {
        if (key instanceof String s) {
            return indexOf(s);
        }
        if (key instanceof Integer n) {
            if (n < 0 || n >= keys.length) {
                throw new ArgumentException("Row index " + n + " is out of range for a row of " + keys.length + " columns");
            }
            return n;
        }
        Integer i = bySource.get(key);
        if (i == null) {
            i = bySourceEquality.get(key);
        }
        if (i == null) {
            throw new NoSuchColumnException("Could not locate column in row for " + key + "; the row has "
                    + Arrays.toString(keys));
        }
        return i;
    }

    RowMetadata subset(int[] indexes) {
        String[] k = new String[indexes.length];
        Object[] s = new Object[indexes.length];
        for (int j = 0; j < indexes.length; j++) {
            k[j] = keys[indexes[j]];
            s[j] = sources[indexes[j]];
        }
        return new RowMetadata(k, s);
    }
}
