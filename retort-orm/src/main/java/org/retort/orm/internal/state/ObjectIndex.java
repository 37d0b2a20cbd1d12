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

    /** {@return the state of the object, or null} */
    EntityState get(Object o) {
        return states[probe(o, System.identityHashCode(o))];
    }

    /** Maps the object to the state, replacing any other; {@return the state it replaced, or null} */
    EntityState put(Object o, EntityState st) {
        int hash = System.identityHashCode(o);
        return putAt(probe(o, hash), o, hash, st);
    }

    /** Removes the object; {@return the state it had, or null} */
    EntityState remove(Object o) {
        return removeAt(probe(o, System.identityHashCode(o)));
    }
}
