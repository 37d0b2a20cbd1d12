package org.retort.orm.internal.state;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.retort.orm.mapping.IdentityKey;

/**
 * A session's identity map: one {@link EntityState} per {@link IdentityKey}, kept in one table per mapped class.
 *
 * <p>Per class, because keys are mostly consecutive integers: within one class a key's hash is its value plus a
 * constant, so the table can place consecutive keys in consecutive slots, and loading a hundred thousand rows in key
 * order writes the table front to back instead of missing the processor's cache on every row. Keys of two classes
 * in one table would overlap in one long probe run. A class whose keys are not spread that way (hashes that
 * collide in their low bits) is noticed by a long probe, and one whose objects are removed (each removal walks the
 * rest of its run, and a run of consecutive keys is long) by a long removal walk: its table falls back to scattered
 * slots, once.
 *
 * <p>Each table reads a slot's key from its state ({@link EntityState#key}): a state is put under its own key, and
 * removed under that key before the key changes.
 */
public final class IdentityMap {
    private ClassTable[] tables = new ClassTable[4];
    private int count;
    /** The table used last: loads and flushes work on one class at a time. */
    private ClassTable last;

    /** An empty identity map. */
    public IdentityMap() {
    }

    /** One class's states. */
    private static final class ClassTable extends StateTable {

        final Class<?> entityClass;
        /** Slots by {@link StateTable#slotOf} (scattered) instead of by the hash's low bits (sequential). */
        private boolean scattered;

        ClassTable(Class<?> entityClass) {
            super(false);
            this.entityClass = entityClass;
        }

        @Override
        int slot(int hash, int length) {
            return scattered ? slotOf(hash, length) : OpenAddressing.lowBits(hash, length);
        }

        /**
         * Consecutive keys in consecutive slots make one long run: removing a key would walk the rest of it, so a
         * table whose removals walk far scatters its keys instead.
         */
        @Override
        void longRun() {
            if (!scattered) {
                scattered = true;
                rehash();
            }
        }

        @Override
        int probe(Object key, int hash) {
            EntityState[] s = states;
            int[] h = hashes;
            int mask = s.length - 1;
            int i = slot(hash, s.length);
            int steps = 0;
            for (EntityState at; (at = s[i]) != null && (h[i] != hash || !key.equals(at.key)); ) {
                i = (i + 1) & mask;
                if (++steps == LONG_RUN && !scattered) {
                    scattered = true;
                    rehash();
                    return probe(key, hash);
                }
            }
            return i;
        }
    }

    private ClassTable table(Class<?> c, boolean create) {
        ClassTable t = last;
        if (t != null && t.entityClass == c) {
            return t;
        }
        for (int i = 0; i < count; i++) {
            if (tables[i].entityClass == c) {
                return last = tables[i];
            }
        }
        if (!create) {
            return null;
        }
        if (count == tables.length) {
            tables = java.util.Arrays.copyOf(tables, 2 * count);
        }
        t = new ClassTable(c);
        tables[count++] = t;
        return last = t;
    }

    /** {@return the state of the identity, or null} */
    public EntityState get(IdentityKey key) {
        ClassTable t = table(key.entityClass(), false);
        if (t == null) {
            return null;
        }
        int i = t.probe(key, key.hashCode()); // first: a long probe may rearrange the table (new arrays)
        return t.states[i];
    }

    /**
     * Maps the identity to the state, replacing any other; {@return the state it replaced, or null}
     *
     * @param key the identity: the state's own {@link EntityState#key}
     * @param state the state
     */
    public EntityState put(IdentityKey key, EntityState state) {
        if (!key.equals(state.key)) {
            throw new IllegalArgumentException("a state is mapped under its own key: " + key + " vs " + state.key);
        }
        ClassTable t = table(key.entityClass(), true);
        int hash = key.hashCode();
        return t.putAt(t.probe(key, hash), key, hash, state);
    }

    /** Removes the identity; {@return the state it had, or null} */
    public EntityState remove(IdentityKey key) {
        ClassTable t = table(key.entityClass(), false);
        return t == null ? null : t.removeAt(t.probe(key, key.hashCode()));
    }

    /** {@return true when the class's table fell back to scattered slots; for tests} */
    boolean isScattered(Class<?> entityClass) {
        ClassTable t = table(entityClass, false);
        return t != null && t.scattered;
    }

    /** {@return the number of identities} */
    public int size() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += tables[i].size();
        }
        return n;
    }

    /** Removes every identity. */
    public void clear() {
        tables = new ClassTable[4];
        count = 0;
        last = null;
    }

    /**
     * Makes room for {@code more} identities of a class at once, so that adding many does not grow its table step
     * by step.
     *
     * @param entityClass the mapped class
     * @param more how many identities may be added
     */
    public void reserve(Class<?> entityClass, int more) {
        table(entityClass, true).reserve(more);
    }

    /** {@return a live view of the states; not to be iterated while the map changes} */
    public Collection<EntityState> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<EntityState> iterator() {
                return new Iterator<>() {
                    private int table;
                    private int slot = -1;

                    {
                        advance();
                    }

                    private void advance() {
                        while (table < count) {
                            EntityState[] s = tables[table].states;
                            while (++slot < s.length) {
                                if (s[slot] != null) {
                                    return;
                                }
                            }
                            table++;
                            slot = -1;
                        }
                    }

                    @Override
                    public boolean hasNext() {
                        return table < count;
                    }

                    @Override
                    public EntityState next() {
                        if (table >= count) {
                            throw new NoSuchElementException();
                        }
                        EntityState st = tables[table].states[slot];
                        advance();
                        return st;
                    }
                };
            }

            @Override
            public int size() {
                return IdentityMap.this.size();
            }
        };
    }
}
