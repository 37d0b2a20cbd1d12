package org.retort.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per object identity and without keeping the object alive, the identity and committed values of
 * objects that left a session, so a later {@code inspect} reports them detached and {@code add} re-attaches
 * them as persistent with their last known database state.
 */
final class DetachedStates {
    /** What a detached object keeps: no reference to the object itself, so the entry can be collected. */
    record Detached(Mapper<?> mapper, IdentityKey key, Object[] committed) {
    }

    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static final Map<Ref, Detached> MAP = new ConcurrentHashMap<>();

    private DetachedStates() {
    }

    static void put(Object object, Detached detached) {
        purge();
        MAP.put(new Ref(object, QUEUE), detached);
    }

    static Detached get(Object object) {
        return MAP.isEmpty() ? null : MAP.get(new Lookup(object));
    }

    static void remove(Object object) {
        if (!MAP.isEmpty()) {
            MAP.remove(new Lookup(object));
        }
    }

    /**
     * A lookup key matching the {@link Ref} of the same object, so a lookup allocates no weak reference (the map
     * calls {@code lookup.equals(storedRef)}).
     */
    private static final class Lookup {
        private final Object referent;

        Lookup(Object referent) {
            this.referent = referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ref r && r.get() == referent;
        }
    }

    private static void purge() {
        for (Object r; (r = QUEUE.poll()) != null; ) {
            MAP.remove(r);
        }
    }

    /** A weak reference compared by the identity of its referent. */
    private static final class Ref extends WeakReference<Object> {
        private final int hash;

        Ref(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Ref r)) {
                return false;
            }
            Object a = get();
            return a != null && a == r.get();
        }
    }
}
