package org.retort.orm.internal.state;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retort.orm.mapping.IdentityKey;

/**
 * The weakly held part of a session's identity map: the objects a {@code yieldPer} query loaded and that nothing
 * has modified or asked the session about since (SQLAlchemy's identity map is weak-referencing throughout). The
 * session keeps each one's {@link EntityState} here, the state holding its object through a weak reference, so
 * an object the program stops referencing is collected and its entry dropped ({@link #purge()}); while the
 * program holds it, the same row still gives the same object.
 *
 * <p>States here are not in the session's {@link IdentityMap} or {@link StateIndex}: those only ever see strong
 * states, so the flush and every other walk over them never meet a collected object. A state leaves this map for
 * them ({@link #promote}) when the session must hold it strongly: the program looks the object up
 * ({@code add}, {@code delete}, {@code inspect}, ...), a later query or {@code get} returns it outside a streamed
 * batch, or it was modified (checked when the batch it came in is passed, and before each flush).
 *
 * <p>Invariant: a state's object is read only while pinned ({@link EntityState#pin()}) or while the caller holds
 * the object, so no method here or in the flush sees a state whose object has gone.
 */
public final class WeakStates {
    /** A weak reference to a loaded object that knows its state and is chained by identity hash. */
    private static final class Ref extends WeakReference<Object> {
        final EntityState state;
        final int hash;
        Ref nextSameHash;

        Ref(Object object, EntityState state, ReferenceQueue<Object> queue) {
            super(object, queue);
            this.state = state;
            this.hash = System.identityHashCode(object);
        }
    }

    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Map<IdentityKey, Ref> byKey = new HashMap<>();
    private final Map<Integer, Ref> byObject = new HashMap<>();
    /** States held strongly until the end of the current batch (loaded or returned again by it). */
    private final java.util.Set<EntityState> pinned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Puts a promoted state into the session's strong structures. */
    private final Consumer<EntityState> promoted;
    /** Open yieldPer results: while any is, states loaded enter this map instead of the strong ones. */
    private int streams;

    /**
     * A weak map that hands each promoted state to the session.
     *
     * @param promoted puts a state into the session's identity map and state index
     */
    public WeakStates(Consumer<EntityState> promoted) {
        this.promoted = promoted;
    }

    /** {@return true while a yieldPer result is open: states loaded now are weak} */
    public boolean inBatch() {
        return streams > 0;
    }

    /** A yieldPer result opens: states loaded from now until it closes are weak, pinned until the next batch. */
    public void openStream() {
        purge();
        streams++;
    }

    /** A yieldPer result closes: its last batch is released ({@link #releaseBatch()}). */
    public void closeStream() {
        streams = Math.max(0, streams - 1);
        releaseBatch();
    }

    /**
     * The program has moved past a batch: the objects pinned since the last release that were modified are held
     * strongly from now on (they are the session's to flush), the others only weakly.
     */
    public void releaseBatch() {
        for (EntityState st : pinned) {
            if (!st.isWeak()) {
                continue; // promoted meanwhile
            }
            if (st.session == null || modified(st)) {
                promote(st);
            } else {
                st.unpin();
            }
        }
        pinned.clear();
        purge();
    }

    /**
     * Registers a state just loaded in a batch: weak, pinned until the batch is released.
     *
     * @param st the state, with its key
     */
    public void addLoaded(EntityState st) {
        Object o = st.object();
        Ref ref = new Ref(o, st, queue);
        Ref displaced = byKey.put(st.key, ref);
        if (displaced != null) {
            unlink(displaced);
        }
        ref.nextSameHash = byObject.put(ref.hash, ref);
        st.weaken(ref);
        st.pin();
        pinned.add(st);
    }

    /**
     * The state of an identity, when its object is still alive: pinned until the batch is released while a yieldPer
     * result is open, else promoted to a strong state.
     *
     * @param key the identity
     * @return the state, or null
     */
    public EntityState find(IdentityKey key) {
        Ref ref = byKey.get(key);
        if (ref == null) {
            return null;
        }
        EntityState st = ref.state;
        if (st.pin() == null) {
            remove(ref);
            return null;
        }
        if (streams > 0) {
            pinned.add(st);
        } else {
            promote(st);
        }
        return st;
    }

    /**
     * The state of an object the program holds and asks the session about; promoted to a strong state.
     *
     * @param object the object
     * @return its state, or null when it is not here
     */
    public EntityState promote(Object object) {
        if (byKey.isEmpty()) {
            return null;
        }
        for (Ref r = byObject.get(System.identityHashCode(object)); r != null; r = r.nextSameHash) {
            if (r.get() == object) {
                promote(r.state);
                return r.state;
            }
        }
        return null;
    }

    /** Before a flush: every live state whose object was modified is promoted, so the flush writes it. */
    public void promoteModified() {
        purge();
        List<EntityState> changed = new ArrayList<>();
        for (Ref ref : byKey.values()) {
            EntityState st = ref.state;
            boolean wasPinned = pinnedNow(st);
            if (st.pin() == null) {
                continue; // collected: purged later
            }
            if (modified(st)) {
                changed.add(st);
            } else if (!wasPinned) {
                st.unpin();
            }
        }
        for (EntityState st : changed) {
            promote(st);
        }
    }

    /**
     * Runs an action on the state of every live object (pinned while it runs), e.g. to expire them on commit.
     *
     * @param action the action
     */
    public void forEachLive(Consumer<EntityState> action) {
        purge();
        for (Ref ref : new ArrayList<>(byKey.values())) {
            EntityState st = ref.state;
            boolean wasPinned = pinnedNow(st);
            if (st.pin() == null) {
                continue;
            }
            action.accept(st);
            if (!wasPinned && st.isWeak()) {
                st.unpin();
            }
        }
    }

    /**
     * Forgets every state: the session is closing or detaching everything.
     *
     * @param detached receives each live state, strong again, to record as detached
     */
    public void clear(Consumer<EntityState> detached) {
        purge();
        for (Ref ref : byKey.values()) {
            EntityState st = ref.state;
            if (st.strengthen() != null) {
                st.session = null;
                detached.accept(st);
            }
        }
        byKey.clear();
        byObject.clear();
        pinned.clear();
        while (queue.poll() != null) {
            // drained: the map they belonged to is gone
        }
    }

    /** {@return the number of states held, including any whose objects were collected but not yet purged} */
    public int size() {
        return byKey.size();
    }

    /** Drops the entries of collected objects. */
    public void purge() {
        for (Object r; (r = queue.poll()) != null; ) {
            remove((Ref) r);
        }
    }

    private boolean pinnedNow(EntityState st) {
        return pinned.contains(st);
    }

    private static boolean modified(EntityState st) {
        return st.markedDeleted || st.isModified();
    }

    private void promote(EntityState st) {
        Ref ref = byKey.get(st.key);
        if (ref != null && ref.state == st) {
            remove(ref);
        }
        if (st.strengthen() != null && st.session != null) {
            promoted.accept(st);
        }
    }

    private void remove(Ref ref) {
        if (byKey.get(ref.state.key) == ref) {
            byKey.remove(ref.state.key);
        }
        unlink(ref);
    }

    private void unlink(Ref ref) {
        Ref head = byObject.get(ref.hash);
        if (head == ref) {
            if (ref.nextSameHash == null) {
                byObject.remove(ref.hash);
            } else {
                byObject.put(ref.hash, ref.nextSameHash);
            }
            return;
        }
        for (Ref r = head; r != null; r = r.nextSameHash) {
            if (r.nextSameHash == ref) {
                r.nextSameHash = ref.nextSameHash;
                return;
            }
        }
    }
}
