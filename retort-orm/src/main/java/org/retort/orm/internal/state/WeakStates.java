package org.retort.orm.internal.state;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * <p>Invariant: a state's object is read only while pinned (its object field holds the object, not its {@link Ref}) or while the caller holds
 * the object, so no method here or in the flush sees a state whose object has gone.
 */
public final class WeakStates {
    /** A weak reference to a loaded object that knows its state; a weak, unpinned state holds it in place of the object. */
    static final class Ref extends WeakReference<Object> {
        final EntityState state;

        Ref(Object object, EntityState state, ReferenceQueue<Object> queue) {
            super(object, queue);
            this.state = state;
        }
    }

    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    /** The weak states by identity (open addressing: no entry object per state). */
    private final IdentityMap byKey = new IdentityMap();
    /** The identity an object has now (its mapper's key of its fields), or null for an unmapped object. */
    private final Function<Object, IdentityKey> keyOf;
    /** The references of the states pinned until the end of the current batch (loaded or returned again by it). */
    private final List<Ref> pinned = new ArrayList<>();
    /** Puts a promoted state into the session's strong structures. */
    private final Consumer<EntityState> promoted;
    /** Open yieldPer results: while any is, states loaded enter this map instead of the strong ones. */
    private int streams;

    /**
     * A weak map that hands each promoted state to the session.
     *
     * @param promoted puts a state into the session's identity map and state index
     * @param keyOf the identity of an object from its fields, or null when it is not mapped or has no full key
     */
    public WeakStates(Consumer<EntityState> promoted, Function<Object, IdentityKey> keyOf) {
        this.promoted = promoted;
        this.keyOf = keyOf;
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
        for (Ref ref : pinned) {
            EntityState st = ref.state;
            if (!isHere(st) || st.weakRef() != null) {
                continue; // promoted meanwhile, or pinned twice and already released
            }
            if (st.session == null || modified(st)) {
                promote(st);
            } else {
                st.weaken(ref);
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
        pinned.add(new Ref(st.object(), st, queue));
        byKey.put(st.key, st);
    }

    /**
     * The state of an identity, when its object is still alive: pinned until the batch is released while a yieldPer
     * result is open, else promoted to a strong state.
     *
     * @param key the identity
     * @return the state, or null
     */
    public EntityState find(IdentityKey key) {
        EntityState st = byKey.get(key);
        if (st == null) {
            return null;
        }
        Ref ref = st.weakRef();
        if (st.pin() == null) {
            byKey.remove(key); // collected, not purged yet
            return null;
        }
        if (streams == 0) {
            promote(st);
        } else if (ref != null) {
            pinned.add(ref);
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
        if (byKey.size() == 0) {
            return null;
        }
        IdentityKey key = keyOf.apply(object);
        EntityState st = key == null ? null : byKey.get(key);
        if (st == null || !st.holds(object)) {
            return null; // not loaded weakly (or its key fields were changed: found by the flush's check instead)
        }
        promote(st);
        return st;
    }

    /** Before a flush: every live state whose object was modified is promoted, so the flush writes it. */
    public void promoteModified() {
        purge();
        List<EntityState> changed = new ArrayList<>();
        for (EntityState st : byKey.values()) {
            Ref ref = st.weakRef();
            if (st.pin() == null) {
                continue; // collected: purged later
            }
            if (modified(st)) {
                changed.add(st);
            } else if (ref != null) {
                st.weaken(ref);
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
        for (EntityState st : new ArrayList<>(byKey.values())) {
            Ref ref = st.weakRef();
            if (st.pin() == null) {
                continue;
            }
            action.accept(st);
            if (ref != null && isHere(st)) {
                st.weaken(ref);
            }
        }
    }

    /**
     * Forgets every state: the session is closing or detaching everything. The states whose objects are alive are
     * detached and remembered as detached ({@link DetachedStates}), read through their weak references: no state is
     * made to hold its object strongly on the way (a closing session that streamed many rows still holds most of
     * them, not yet collected).
     */
    public void clear() {
        purge();
        DetachedStates.Entry[] batch = new DetachedStates.Entry[byKey.size()];
        int n = 0;
        for (EntityState st : byKey.values()) {
            Object o = st.object();
            if (o != null) {
                st.detach();
                batch[n++] = new DetachedStates.Entry(o, st.key);
            }
        }
        DetachedStates.register(batch, n);
        byKey.clear();
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
            EntityState st = ((Ref) r).state;
            if (isHere(st)) {
                byKey.remove(st.key);
            }
        }
    }

    private boolean isHere(EntityState st) {
        return st.key != null && byKey.get(st.key) == st;
    }

    private static boolean modified(EntityState st) {
        return st.markedDeleted() || st.isModified();
    }

    /** Takes a state out of this map and holds its object strongly; hands it to the session when still alive. */
    private void promote(EntityState st) {
        if (isHere(st)) {
            byKey.remove(st.key);
        }
        if (st.pin() != null && st.session != null) {
            promoted.accept(st);
        }
    }
}
