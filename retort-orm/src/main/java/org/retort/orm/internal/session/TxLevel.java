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
     * What this level remembered, index for index: the states a flush touched inside it and what each had committed
     * then (nothing for a pending object). Null once the level is over ({@link #discard}).
     */
    private ArrayList<EntityState> states = new ArrayList<>();
    private ArrayList<Saved> saved = new ArrayList<>();
    /**
     * The states a SAVEPOINT level remembered, to remember each once; null for the root level, where a state's
     * {@link EntityState#rootLevel} mark says so without hashing it.
     */
    private Map<EntityState, Boolean> seen;
    /** How many states {@link #seen} was last sized for by {@link #reserve}. */
    private int reserved;
    private boolean active = true;
    /** The public handle of this level ({@code SessionTransaction}), made on first request. */
    public Object handle;

    TxLevel(Transaction savepoint) {
        this.savepoint = savepoint;
        if (savepoint != null) {
            seen = new IdentityHashMap<>();
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
        seen = null;
    }

    /**
     * Makes room for {@code more} states at once, so that a large flush does not grow the record step by step.
     *
     * @param more how many states the flush may touch
     */
    public void reserve(int more) {
        if (states == null) {
            return;
        }
        states.ensureCapacity(states.size() + more);
        saved.ensureCapacity(saved.size() + more);
        int needed = states.size() + more;
        if (seen != null && more > 64 && needed > reserved) {
            // grow geometrically: a session flushing in chunks copies the map O(log n) times, not once per flush
            reserved = Math.max(needed, 2 * reserved);
            Map<EntityState, Boolean> bigger = new IdentityHashMap<>(reserved);
            bigger.putAll(seen);
            seen = bigger;
        }
    }

    /**
     * Records a state's committed values as they are before a flush changes them, unless already recorded.
     *
     * @param st the state
     */
    public void remember(EntityState st) {
        if (states == null) {
            return;
        }
        if (seen == null) {
            if (st.rootLevel == this) {
                return;
            }
            st.rootLevel = this;
        } else if (seen.put(st, Boolean.TRUE) != null) {
            return;
        }
        states.add(st);
        saved.add(saved(st));
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
        List<EntityState> touched = states != null ? states : List.of();
        List<Saved> what = saved != null ? saved : List.of();
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
            st.deletedFlushed(false);
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
            st.markedDeleted(false);
        }
        core.toDelete.clear();
        for (EntityState st : core.identityMap.values()) {
            if (st.committed != null && (root || st.isModified())) {
                st.writeValues(st.committed);
                core.restoreRelationships(st);
            }
            if (root) {
                st.expired(true);
            }
        }
    }
}
