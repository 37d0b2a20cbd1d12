package org.retort.orm.internal.state;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.retort.orm.mapping.IdentityKey;

/**
 * A session's identity map: one {@link EntityState} per {@link IdentityKey}. Open addressing over two parallel
 * arrays (keys, states), probed linearly: unlike a {@code HashMap} it allocates no entry object per identity,
 * which matters when a session holds hundreds of thousands of loaded objects and the collector copies them all.
 */
public final class IdentityMap {
    private static final int INITIAL_CAPACITY = 16;

    private IdentityKey[] keys = new IdentityKey[INITIAL_CAPACITY];
    private EntityState[] states = new EntityState[INITIAL_CAPACITY];
    /** Each occupied slot's key hash: probing and resizing compare and move hashes without touching the keys. */
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;

    /**
     * The home slot of a key: its hash scattered by a multiplicative (Fibonacci) hash, top bits taken. Keys'
     * hashes are mostly consecutive integers offset per class; taken as they are, the runs of two classes (parents
     * and children loaded together) overlap and linear probing walks one long cluster on every lookup.
     */
    private static int slotOf(int hash, int length) {
        return (hash * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(length));
    }

    /** {@return the slot holding the identity, or else the empty slot that ends its probe run} */
    private int probe(IdentityKey key) {
        IdentityKey[] k = keys;
        int[] h = hashes;
        int hash = key.hashCode();
        int mask = k.length - 1;
        int i = slotOf(hash, k.length);
        while (k[i] != null && (h[i] != hash || !k[i].equals(key))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** {@return the state of the identity, or null} */
    public EntityState get(IdentityKey key) {
        return states[probe(key)];
    }

    /** Maps the identity to the state, replacing any other; {@return the state it replaced, or null} */
    public EntityState put(IdentityKey key, EntityState state) {
        int i = probe(key);
        EntityState old = states[i];
        boolean added = keys[i] == null;
        keys[i] = key;
        states[i] = state;
        hashes[i] = key.hashCode();
        if (added && ++size * 2 > keys.length) {
            resize(keys.length * 2);
        }
        return old;
    }

    /** Removes the identity; {@return the state it had, or null} */
    public EntityState remove(IdentityKey key) {
        int i = probe(key);
        EntityState old = states[i];
        if (keys[i] != null) {
            deleteAt(i);
        }
        return old;
    }

    /** {@return the number of identities} */
    public int size() {
        return size;
    }

    /** Removes every identity. */
    public void clear() {
        keys = new IdentityKey[INITIAL_CAPACITY];
        states = new EntityState[INITIAL_CAPACITY];
        hashes = new int[INITIAL_CAPACITY];
        size = 0;
    }

    /** Makes room for {@code more} identities at once (a large flush of new objects). */
    public void reserve(int more) {
        int needed = size + more;
        if (needed * 2 > keys.length) {
            resize(Integer.highestOneBit(Math.max(1, needed)) * 4);
        }
    }

    /** {@return a live view of the states; not to be iterated while the map changes} */
    public Collection<EntityState> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<EntityState> iterator() {
                EntityState[] s = states;
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        while (from < s.length && s[from] == null) {
                            from++;
                        }
                        return from;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < s.length;
                    }

                    @Override
                    public EntityState next() {
                        if (next >= s.length) {
                            throw new NoSuchElementException();
                        }
                        EntityState st = s[next];
                        next = advance(next + 1);
                        return st;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Empties slot {@code i}, moving later entries of its probe run back so every lookup still finds them. */
    private void deleteAt(int i) {
        IdentityKey[] k = keys;
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
        IdentityKey[] oldKeys = keys;
        EntityState[] oldStates = states;
        int[] oldHashes = hashes;
        IdentityKey[] k = new IdentityKey[length];
        EntityState[] s = new EntityState[length];
        int[] h = new int[length];
        int mask = length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slotOf(oldHashes[j], length);
                while (k[i] != null) {
                    i = (i + 1) & mask;
                }
                k[i] = oldKeys[j];
                s[i] = oldStates[j];
                h[i] = oldHashes[j];
            }
        }
        keys = k;
        states = s;
        hashes = h;
    }
}
