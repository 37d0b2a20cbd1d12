package org.retort.orm.internal.session;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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

    /** Committed values of the objects a flush touched inside this level; committed null for pending objects. */
    private Map<EntityState, Saved> before = new IdentityHashMap<>();
    /** How many states {@link #before} was last sized for by {@link #reserve}. */
    private int reserved;
    private boolean active = true;
    /** The public handle of this level ({@code SessionTransaction}), made on first request. */
    public Object handle;

    TxLevel(Transaction savepoint) {
        this.savepoint = savepoint;
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
     * Makes room for {@code more} states at once, so that a large flush does not grow the map step by step.
     *
     * @param more how many states the flush may touch
     */
    public void reserve(int more) {
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
        if (!before.containsKey(st)) {
            before.put(st, new Saved(st.committed, st.relCommitted == null ? null : st.relCommitted.clone()));
        }
    }

    /** Undoes the in-memory effects of this rolled-back level. */
    void restore(SessionCore core, boolean root) {
        for (Map.Entry<EntityState, Saved> e : before.entrySet()) {
            EntityState st = e.getKey();
            Object[] old = e.getValue().committed();
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
            if (e.getValue().relationships() != null) {
                st.relCommitted = e.getValue().relationships();
            }
            st.deletedFlushed = false;
            st.key = st.mapper().identityOfValues(old);
            if (st.session == core) {
                core.identityMap.put(st.key, st);
            }
        }
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
