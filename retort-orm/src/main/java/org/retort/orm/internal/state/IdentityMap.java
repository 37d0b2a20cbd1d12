package org.retort.orm.internal.state;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.retort.orm.mapping.IdentityKey;

/**
 * A session's identity map: one {@link EntityState} per {@link IdentityKey}, as a {@link StateTable} that reads each
 * slot's key from its state ({@link EntityState#key}). A state is put under its own key, and removed under that
 * key before the key changes.
 */
public final class IdentityMap extends StateTable {
    /** An empty identity map. */
    public IdentityMap() {
        super(false);
    }

    @Override
    int probe(Object key, int hash) {
        EntityState[] s = states;
        int[] h = hashes;
        int mask = s.length - 1;
        int i = slotOf(hash, s.length);
        for (EntityState at; (at = s[i]) != null && (h[i] != hash || !key.equals(at.key)); ) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** {@return the state of the identity, or null} */
    public EntityState get(IdentityKey key) {
        return states[probe(key, key.hashCode())];
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
        int hash = key.hashCode();
        return putAt(probe(key, hash), key, hash, state);
    }

    /** Removes the identity; {@return the state it had, or null} */
    public EntityState remove(IdentityKey key) {
        return removeAt(probe(key, key.hashCode()));
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
}
