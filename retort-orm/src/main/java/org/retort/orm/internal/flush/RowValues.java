package org.retort.orm.internal.flush;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The parameter map of one row the unit of work writes: column names shared by every row of a batch, values
 * of this row, looked up by a scan that compares names by identity first (the compiled statement's parameter
 * names are the same column name strings). For the few columns of a row this is cheaper to build and to read
 * than a hash map, and a flush builds one per object.
 */
public final class RowValues extends AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values;

    /**
     * @param names the column names, shared by the rows of one shape; not copied
     * @param values this row's values, index for index; not copied, and read only as far as there are names
     */
    public RowValues(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
