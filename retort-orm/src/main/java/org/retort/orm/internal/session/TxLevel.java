package org.retort.orm.internal.session;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.retort.engine.Transaction;
import org.retort.orm.internal.state.EntityState;

/**
 * One level of a session's transactions: the root, or a SAVEPOINT. It remembers the committed values of the
 * objects a flush touched inside it, as they were when it began, so rolling it back puts them back.
 */
public final class TxLevel {
    private final Transaction savepoint;
    /** What an object had committed when a flush inside this level first touched it. */
    private record Saved(Object[] committed, Object[] relationships) {
    }

    /**
     * A SAVEPOINT level's record: the committed values of the objects a flush touched inside it; committed null for
     * pending objects. The root level keeps {@link #states} and {@link #saved} instead.
     */
    private Map<EntityState, Saved> before;
    /** How many states {@link #before} was last sized for by {@link #reserve}. */
    private int reserved;
    /**
     * The root level's record, index for index: the states it remembered and what each had. A state's
     * {@link EntityState#rootLevel} says whether it is here, so a flush remembers each state without hashing it.
     */
    private ArrayList<EntityState> states;
    private ArrayList<Saved> saved;
    private boolean active = true;
    /** The public handle of this level ({@code SessionTransaction}), made on first request. */
    public Object handle;

    TxLevel(Transaction savepoint) {
        this.savepoint = savepoint;
        if (savepoint == null) {
            states = new ArrayList<>();
            saved = new ArrayList<>();
        } else {
            before = new IdentityHashMap<>();
        }
    }

    /** {@return true for a SAVEPOINT} */
    public boolean isNested() {
        return savepoint != null;
    }

    /** {@return true until committed or rolled back} */
    public boolean isActive() {
        return active;
    }

    Transaction savepoint() {
        return savepoint;
    }

    void deactivate() {
        active = false;
    }

    /**
     * Lets go of what this level remembered, once it is committed or restored: the states it remembered keep a
     * reference to it ({@link EntityState#rootLevel}), which must not keep old snapshots alive.
     */
    void discard() {
        states = null;
        saved = null;
        before = null;
    }

    /**
     * Makes room for {@code more} states at once, so that a large flush does not grow the map step by step.
     *
     * @param more how many states the flush may touch
     */
    public void reserve(int more) {
        if (states != null) {
            states.ensureCapacity(states.size() + more);
            saved.ensureCapacity(saved.size() + more);
            return;
        }
        if (before == null) {
            return;
        }
        int needed = before.size() + more;
        if (more > 64 && needed > reserved) {
            // grow geometrically: a session flushing in chunks copies the map O(log n) times, not once per flush
            reserved = Math.max(needed, 2 * reserved);
            Map<EntityState, Saved> bigger = new IdentityHashMap<>(reserved);
            bigger.putAll(before);
            before = bigger;
        }
    }

    /**
     * Records a state's committed values as they are before a flush changes them, unless already recorded.
     *
     * @param st the state
     */
    public void remember(EntityState st) {
        if (states != null) {
            if (st.rootLevel != this) {
                st.rootLevel = this;
                states.add(st);
                saved.add(saved(st));
            }
        } else if (before != null && !before.containsKey(st)) {
            before.put(st, saved(st));
        }
    }

    private static Saved saved(EntityState st) {
        if (st.committed == null) {
            return NEW; // a pending object: a rollback makes it transient again, whatever it held
        }
        return new Saved(st.committed, st.relCommitted == null ? null : st.relCommitted.clone());
    }

    /** What a pending object had: nothing committed. */
    private static final Saved NEW = new Saved(null, null);

    /** Undoes the in-memory effects of this rolled-back level. */
    void restore(SessionCore core, boolean root) {
        List<EntityState> touched = states != null ? states : before != null ? new ArrayList<>(before.keySet()) : List.of();
        List<Saved> what = states != null ? saved : before != null ? new ArrayList<>(before.values()) : List.of();
        for (int i = 0; i < touched.size(); i++) {
            EntityState st = touched.get(i);
            Saved was = what.get(i);
            Object[] old = was.committed();
            if (st.key != null && core.identityMap.get(st.key) == st) {
                core.identityMap.remove(st.key);
            }
            if (old == null) {
                // inserted within the transaction: back to transient, as SQLAlchemy expunges it
                core.forget(st);
                st.key = null;
                st.committed = null;
                continue;
            }
            st.committed = old;
            if (was.relationships() != null) {
                st.relCommitted = was.relationships();
            }
            st.deletedFlushed = false;
            st.key = st.mapper().identityOfValues(old);
            if (st.session == core) {
                core.identityMap.put(st.key, st);
            }
        }
        discard();
        for (EntityState st : new ArrayList<>(core.pending)) {
            core.expungeState(st);
        }
        for (EntityState st : core.toDelete) {
            st.markedDeleted = false;
        }
        core.toDelete.clear();
        for (EntityState st : core.identityMap.values()) {
            if (st.committed != null && (root || st.isModified())) {
                st.writeValues(st.committed);
                core.restoreRelationships(st);
            }
            if (root) {
                st.expired = true;
            }
        }
    }
}
