package org.retort.orm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import org.retort.engine.Transaction;

/**
 * A transaction of a session (SQLAlchemy's {@code SessionTransaction}): the root one, or a SAVEPOINT from
 * {@link Session#beginNested()}. Rolling a savepoint back undoes its statements in the database and puts the
 * objects it changed back to their values at the savepoint, as SQLAlchemy's expire-and-reload would show them.
 *
 * <pre>{@code
 * try (SessionTransaction sp = session.beginNested()) {
 *     user.name = "changed";
 *     session.flush();
 *     sp.rollback();              // user.name is back to its value before the savepoint
 * }
 * }</pre>
 */
public final class SessionTransaction implements AutoCloseable {
    private final Session session;
    private final Transaction savepoint;
    /** Committed values of the objects a flush touched inside this transaction, as they were when it began; null for objects that were pending. */
    Map<InstanceState, Object[]> before = new IdentityHashMap<>();

    /** Makes room for {@code more} states at once, so that a large flush does not grow the map step by step. */
    void reserve(int more) {
        if (more > 64) {
            Map<InstanceState, Object[]> bigger = new IdentityHashMap<>(before.size() + more);
            bigger.putAll(before);
            before = bigger;
        }
    }
    private boolean active = true;

    SessionTransaction(Session session, Transaction savepoint) {
        this.session = session;
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

    /** Flushes and commits: releases the SAVEPOINT, or commits the session for the root transaction. */
    public void commit() {
        if (!active) {
            return;
        }
        if (savepoint == null) {
            session.commit();
        } else {
            session.commitNested(this);
        }
    }

    /** Rolls back to the SAVEPOINT (restoring the objects it changed), or rolls the session back for the root. */
    public void rollback() {
        if (!active) {
            return;
        }
        if (savepoint == null) {
            session.rollback();
        } else {
            session.rollbackNested(this);
        }
    }

    /** Rolls back if still active, like leaving a {@code with session.begin_nested()} block with an error. */
    @Override
    public void close() {
        rollback();
    }

    /** Undoes the in-memory effects of a rolled-back transaction level. */
    void restore(boolean root) {
        for (Map.Entry<InstanceState, Object[]> e : before.entrySet()) {
            InstanceState st = e.getKey();
            Object[] old = e.getValue();
            if (st.key != null && session.identityMap.get(st.key) == st) {
                session.identityMap.remove(st.key);
            }
            if (old == null) {
                // inserted within the transaction: back to transient, as SQLAlchemy expunges it
                if (session.states.get(st.object()) == st) {
                    session.states.remove(st.object());
                }
                session.pending.remove(st);
                st.key = null;
                st.committed = null;
                st.deletedFlushed = false;
                st.markedDeleted = false;
                st.session = null;
                continue;
            }
            st.committed = old;
            st.deletedFlushed = false;
            st.key = st.mapper().identityOfValues(old);
            if (st.session == session) {
                session.identityMap.put(st.key, st);
            }
        }
        for (InstanceState st : new ArrayList<>(session.pending)) {
            session.expungeInternal(st);
        }
        for (InstanceState st : new ArrayList<>(session.toDelete)) {
            st.markedDeleted = false;
        }
        session.toDelete.clear();
        for (InstanceState st : session.identityMap.values()) {
            if (st.committed != null && (root || st.isModified())) {
                st.writeValues(st.committed);
            }
            if (root) {
                st.expired = true;
            }
        }
    }
}
