package org.retort.orm.internal.state;

/**
 * Objects to their states by object identity, for the session's object index. It does what an
 * {@code IdentityHashMap} did, but as a {@link StateTable} it keeps each object's identity hash beside it: growing
 * the table and closing the gap a removal leaves read no object headers again (with a session of a hundred thousand
 * objects, each of those reads was a cache miss), and no lookup dereferences a stored object.
 */
final class ObjectIndex extends StateTable {
    /** An empty index; it keeps the objects in a keys array, so no lookup dereferences a stored state. */
    ObjectIndex() {
        super(true);
    }

    @Override
    int probe(Object o, int hash) {
        Object[] k = keys;
        int mask = k.length - 1;
        int i = slot(hash, k.length);
        for (Object at; (at = k[i]) != null && at != o; ) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /**
     * The object a {@link #get} did not find, the slot where it would go and its hash, while the table has not
     * changed since ({@link #changes}): adding an object is a lookup followed by a put, which then probes no
     * second time. The object is held until the next put or removal (or the session's end), like the ones here.
     */
    private Object missed;
    private int missedSlot;
    private int missedHash;
    private int missedAt;

    /** {@return the state of the object, or null} */
    EntityState get(Object o) {
        int hash = System.identityHashCode(o);
        int i = probe(o, hash);
        EntityState st = states[i];
        if (st == null) {
            missed = o;
            missedSlot = i;
            missedHash = hash;
            missedAt = changes;
        }
        return st;
    }

    /** Maps the object to the state, replacing any other; {@return the state it replaced, or null} */
    EntityState put(Object o, EntityState st) {
        if (o == missed && missedAt == changes) {
            missed = null;
            return putAt(missedSlot, o, missedHash, st);
        }
        missed = null;
        int hash = System.identityHashCode(o);
        return putAt(probe(o, hash), o, hash, st);
    }

    /** Removes the object; {@return the state it had, or null} */
    EntityState remove(Object o) {
        missed = null;
        return removeAt(probe(o, System.identityHashCode(o)));
    }
}
