package org.retort.orm.internal.state;

/**
 * Objects to their states by object identity: an open-addressing table of three parallel arrays (objects, states,
 * identity hashes), probed linearly. It does what an {@code IdentityHashMap} did for the session's object index,
 * but keeps each object's identity hash beside it: growing the table and closing the gap a removal leaves move
 * hashes without reading the objects' headers again (with a session of a hundred thousand objects, each of those
 * reads was a cache miss), and no lookup dereferences a stored object.
 */
final class ObjectIndex {
    private static final int INITIAL_CAPACITY = 16;

    private Object[] objects = new Object[INITIAL_CAPACITY];
    private EntityState[] states = new EntityState[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;

    /** The home slot of an identity hash, scattered by a multiplicative (Fibonacci) hash, top bits taken. */
    private static int slotOf(int hash, int length) {
        return (hash * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(length));
    }

    /** {@return the slot holding the object, or else the empty slot that ends its probe run} */
    private int probe(Object o, int hash) {
        Object[] k = objects;
        int mask = k.length - 1;
        int i = slotOf(hash, k.length);
        for (Object at; (at = k[i]) != null && at != o; ) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** {@return the state of the object, or null} */
    EntityState get(Object o) {
        return states[probe(o, System.identityHashCode(o))];
    }

    /** Maps the object to the state, replacing any other; {@return the state it replaced, or null} */
    EntityState put(Object o, EntityState st) {
        int hash = System.identityHashCode(o);
        int i = probe(o, hash);
        EntityState old = states[i];
        boolean added = objects[i] == null;
        objects[i] = o;
        states[i] = st;
        hashes[i] = hash;
        if (added && ++size * 2 > objects.length) {
            resize(objects.length * 2);
        }
        return old;
    }

    /** Removes the object; {@return the state it had, or null} */
    EntityState remove(Object o) {
        int i = probe(o, System.identityHashCode(o));
        EntityState old = states[i];
        if (objects[i] != null) {
            deleteAt(i);
        }
        return old;
    }

    /** {@return the number of objects} */
    int size() {
        return size;
    }

    /** Makes room for {@code more} objects at once, so that adding many does not grow the table step by step. */
    void reserve(int more) {
        int needed = size + more;
        if (needed * 2 > objects.length) {
            resize(Integer.highestOneBit(Math.max(1, needed)) * 4);
        }
    }

    /** Empties slot {@code i}, moving later entries of its probe run back so every lookup still finds them. */
    private void deleteAt(int i) {
        Object[] k = objects;
        EntityState[] s = states;
        int[] h = hashes;
        int mask = k.length - 1;
        k[i] = null;
        s[i] = null;
        size--;
        for (int j = (i + 1) & mask; k[j] != null; j = (j + 1) & mask) {
            if (!OpenAddressing.staysPut(i, j, slotOf(h[j], k.length))) {
                k[i] = k[j];
                s[i] = s[j];
                h[i] = h[j];
                k[j] = null;
                s[j] = null;
                i = j;
            }
        }
    }

    private void resize(int length) {
        Object[] oldObjects = objects;
        EntityState[] oldStates = states;
        int[] oldHashes = hashes;
        Object[] k = new Object[length];
        EntityState[] s = new EntityState[length];
        int[] h = new int[length];
        int mask = length - 1;
        for (int j = 0; j < oldObjects.length; j++) {
            if (oldObjects[j] != null) {
                int i = slotOf(oldHashes[j], length);
                while (k[i] != null) {
                    i = (i + 1) & mask;
                }
                k[i] = oldObjects[j];
                s[i] = oldStates[j];
                h[i] = oldHashes[j];
            }
        }
        objects = k;
        states = s;
        hashes = h;
    }
}
