package org.retort.orm.internal.state;

/**
 * States to values by state identity, for the bookkeeping of one load (a joined load's member list per parent).
 * It does what an {@code IdentityHashMap} would, but keeps each state's identity hash beside it, so that growing
 * the table reads no state's header again: with tens of thousands of parents, each of those reads missed the
 * processor's cache. Entries are only added, never removed.
 *
 * @param <V> the values
 */
public final class StateMap<V> {
    private static final int INITIAL_CAPACITY = 64;

    private EntityState[] keys = new EntityState[INITIAL_CAPACITY];
    private Object[] values = new Object[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;

    /**
     * {@return the value of the state, or null}
     *
     * @param st the state
     */
    @SuppressWarnings("unchecked")
    public V get(EntityState st) {
        return (V) values[probe(st, System.identityHashCode(st))];
    }

    /**
     * Maps the state to the value, replacing any other.
     *
     * @param st the state
     * @param value the value, not null
     */
    public void put(EntityState st, V value) {
        int hash = System.identityHashCode(st);
        int i = probe(st, hash);
        values[i] = value;
        if (keys[i] == null) {
            keys[i] = st;
            hashes[i] = hash;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
    }

    /** {@return the number of states} */
    public int size() {
        return size;
    }

    private int probe(EntityState st, int hash) {
        EntityState[] k = keys;
        int mask = k.length - 1;
        int i = StateTable.slotOf(hash, k.length);
        for (EntityState at; (at = k[i]) != null && at != st; ) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        EntityState[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        int length = oldKeys.length * 2;
        keys = new EntityState[length];
        values = new Object[length];
        hashes = new int[length];
        int mask = length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = StateTable.slotOf(oldHashes[j], length);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }
}
