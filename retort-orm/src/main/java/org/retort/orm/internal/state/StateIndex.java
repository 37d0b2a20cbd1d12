package org.retort.orm.internal.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A session's objects by object identity (object to {@link EntityState}), iterated in the order they joined.
 *
 * <p>States loaded from rows enter the identity-hash index only when something first looks an object up
 * ({@code add}, {@code inspect}, {@code delete}, ...): a session that loads many objects and only reads them, or
 * flushes them by iterating, never hashes them. Iteration walks a list in join order (the order the states were
 * allocated in, which the processor's caches like better than hash order); removed states stay in the list,
 * marked, until they are more than half of it.
 */
public final class StateIndex implements Iterable<EntityState> {
    private ObjectIndex index = new ObjectIndex();
    /** Loaded states not yet in {@link #index}. */
    private final ArrayList<EntityState> unindexed = new ArrayList<>();
    /** Every state in join order, including removed ones (not {@code member}) until the next compaction. */
    private ArrayList<EntityState> order = new ArrayList<>();
    private int members;
    /** The session's weakly held states (yieldPer loads), consulted when an object is not here; null if none. */
    private WeakStates weak;

    /** Adds the state of an object just loaded from a row; the caller guarantees the object is not yet here. */
    public void addLoaded(EntityState st) {
        unindexed.add(st);
        join(st);
    }

    /** Adds or replaces the state of its object. */
    public void put(EntityState st) {
        index();
        EntityState old = index.put(st.object(), st);
        if (old != st) {
            if (old != null) {
                leave(old);
            }
            join(st);
        }
    }

    /** {@return the state of the object, or null when the object is not in the session} */
    public EntityState get(Object object) {
        index();
        EntityState st = index.get(object);
        if (st == null && weak != null) {
            st = weak.promote(object); // a yieldPer-loaded object the program asks about: held strongly from now on
        }
        return st;
    }

    /**
     * Consults a weak map for objects not in this index (their states move here when looked up).
     *
     * @param weakStates the session's weakly held states
     */
    public void weak(WeakStates weakStates) {
        weak = weakStates;
    }

    /** {@return true when the object is in the session} */
    public boolean contains(Object object) {
        return get(object) != null;
    }

    /** Removes the object's state, if it has one. */
    public void remove(Object object) {
        index();
        EntityState old = index.remove(object);
        if (old != null) {
            leave(old);
        }
    }

    /** {@return the number of objects} */
    public int size() {
        return members;
    }

    /** Removes every state. */
    public void clear() {
        for (EntityState st : order) {
            st.member(false);
            st.listed(false);
        }
        forgetAll();
    }

    /**
     * Removes every state without visiting them, once each was {@linkplain EntityState#detach detached} (which
     * cleared its membership); a closing session has just visited them all.
     */
    public void forgetAll() {
        index = new ObjectIndex();
        unindexed.clear();
        order = new ArrayList<>();
        members = 0;
    }

    /** Makes room for {@code more} objects at once, so that adding many does not grow the index step by step. */
    public void reserve(int more) {
        if (more > 64) {
            index();
            index.reserve(more); // sized to a power of two at least twice the need: adding in chunks seldom copies
            order.ensureCapacity(order.size() + more);
        }
    }

    /**
     * {@return true when some state satisfies the test, looking at the newest states first} A flush asks "is
     * anything changed?" this way: what a program changes is most often what it loaded or added last.
     *
     * @param test the test
     */
    public boolean anyNewestFirst(java.util.function.Predicate<EntityState> test) {
        List<EntityState> all = order;
        for (int i = all.size() - 1; i >= 0; i--) {
            EntityState st = all.get(i);
            if (st.member() && test.test(st)) {
                return true;
            }
        }
        return false;
    }

    /** {@return a copy of every state, safe to iterate while the index changes} */
    public List<EntityState> snapshot() {
        List<EntityState> out = new ArrayList<>(members);
        for (EntityState st : this) {
            out.add(st);
        }
        return out;
    }

    @Override
    public Iterator<EntityState> iterator() {
        return Members.of(order, st -> st.member());
    }

    private void join(EntityState st) {
        st.member(true);
        if (!st.listed()) { // a state removed and added again may still be in the list
            st.listed(true);
            order.add(st);
        }
        members++;
    }

    private void leave(EntityState st) {
        st.member(false);
        members--;
        if (order.size() > 64 && members * 2 < order.size()) {
            ArrayList<EntityState> kept = new ArrayList<>(members * 2);
            for (EntityState s : order) {
                if (s.member()) {
                    kept.add(s);
                } else {
                    s.listed(false);
                }
            }
            order = kept;
        }
    }

    private void index() {
        if (!unindexed.isEmpty()) {
            for (EntityState st : unindexed) {
                index.put(st.object(), st);
            }
            unindexed.clear();
        }
    }
}
