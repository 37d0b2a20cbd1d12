package org.retort.orm.internal.state;

/**
 * Keys to {@link EntityState}s in open addressing over parallel arrays (states, key hashes and, when the subclass
 * asks, keys), probed linearly: no entry object per key, which matters when a session holds hundreds of thousands
 * of objects and the collector copies them all, and each key's hash kept beside it, so that growing the table and
 * closing the gap a removal leaves move hashes without touching the keys. Subclasses say when a slot matches a key
 * ({@link #probe}). A table without a keys array finds each slot's key on its state (the identity map's keys are the
 * states' identity keys): a third less to allocate, copy and miss in the cache for every object a load adds.
 */
public abstract class StateTable {
    private static final int INITIAL_CAPACITY = 16;

    /** The keys by slot, null where a slot is empty; or null altogether when the states carry their keys. */
    Object[] keys;
    /** The states by slot; null where a slot is empty. */
    EntityState[] states = new EntityState[INITIAL_CAPACITY];
    /** Each occupied slot's key hash. */
    int[] hashes = new int[INITIAL_CAPACITY];
    int size;
    /** Counts changes of the table's layout (insertions, removals, resizes), so that a remembered slot can be trusted. */
    int changes;

    /**
     * An empty table.
     *
     * @param storesKeys keep the keys in an array of their own (else {@link #probe} reads each slot's key from its
     *     state, and a key must be put with the state that carries it)
     */
    StateTable(boolean storesKeys) {
        keys = storesKeys ? new Object[INITIAL_CAPACITY] : null;
    }

    /**
     * The home slot of a hash: scattered by a multiplicative (Fibonacci) hash, top bits taken, so that keys with
     * related hashes do not pile up in one run.
     */
    static int slotOf(int hash, int length) {
        return (hash * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(length));
    }

    /** {@return the home slot of a hash in a table of {@code length} slots} {@link #slotOf} unless overridden. */
    int slot(int hash, int length) {
        return slotOf(hash, length);
    }

    /** Places every entry again (after {@link #slot} changed), at the same length. */
    final void rehash() {
        resize(states.length);
    }

    /** {@return the slot holding the key, or else the empty slot that ends its probe run} */
    abstract int probe(Object key, int hash);

    /** Stores the key and state in the slot {@link #probe} gave; {@return the state it replaced, or null} */
    final EntityState putAt(int i, Object key, int hash, EntityState state) {
        EntityState old = states[i];
        changes++;
        if (keys != null) {
            keys[i] = key;
        }
        states[i] = state;
        hashes[i] = hash;
        if (old == null && ++size * 2 > states.length) {
            resize(states.length * 2);
        }
        return old;
    }

    /** Empties the slot {@link #probe} gave, if it holds a key; {@return the state it had, or null} */
    final EntityState removeAt(int i) {
        EntityState old = states[i];
        if (old != null) {
            deleteAt(i);
        }
        return old;
    }

    /** {@return the number of keys} */
    public final int size() {
        return size;
    }

    /** Removes every key. */
    public final void clear() {
        keys = keys != null ? new Object[INITIAL_CAPACITY] : null;
        states = new EntityState[INITIAL_CAPACITY];
        hashes = new int[INITIAL_CAPACITY];
        size = 0;
        changes++;
    }

    /**
     * Makes room for {@code more} keys at once, so that adding many does not grow the table step by step.
     *
     * @param more how many keys may be added
     */
    public final void reserve(int more) {
        int needed = size + more;
        if (needed * 2 > states.length) {
            resize(Integer.highestOneBit(Math.max(1, needed)) * 4);
        }
    }

    /** Empties slot {@code i}, moving later entries of its probe run back so every lookup still finds them. */
    private void deleteAt(int i) {
        Object[] k = keys;
        EntityState[] s = states;
        int[] h = hashes;
        int mask = s.length - 1;
        if (k != null) {
            k[i] = null;
        }
        s[i] = null;
        size--;
        changes++;
        int walked = 0;
        for (int j = (i + 1) & mask; s[j] != null; j = (j + 1) & mask, walked++) {
            if (!OpenAddressing.staysPut(i, j, slot(h[j], s.length))) {
                if (k != null) {
                    k[i] = k[j];
                    k[j] = null;
                }
                s[i] = s[j];
                h[i] = h[j];
                s[j] = null;
                i = j;
            }
        }
        if (walked > LONG_RUN) {
            longRun();
        }
    }

    /** A removal walking a run longer than this reports it ({@link #longRun}). */
    static final int LONG_RUN = 24;

    /**
     * A removal just walked a long run of occupied slots (each removal walks to the end of its run); a table that
     * places keys so that runs grow long may place them again. Does nothing unless overridden.
     */
    void longRun() {
    }

    private void resize(int length) {
        Object[] oldKeys = keys;
        EntityState[] oldStates = states;
        int[] oldHashes = hashes;
        Object[] k = oldKeys != null ? new Object[length] : null;
        EntityState[] s = new EntityState[length];
        int[] h = new int[length];
        int mask = length - 1;
        for (int j = 0; j < oldStates.length; j++) {
            if (oldStates[j] != null) {
                int i = slot(oldHashes[j], length);
                while (s[i] != null) {
                    i = (i + 1) & mask;
                }
                if (k != null) {
                    k[i] = oldKeys[j];
                }
                s[i] = oldStates[j];
                h[i] = oldHashes[j];
            }
        }
        keys = k;
        states = s;
        hashes = h;
        changes++;
    }
}
