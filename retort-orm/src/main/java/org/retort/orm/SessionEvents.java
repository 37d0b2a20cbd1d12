package org.retort.orm;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.retort.event.Registration;

/**
 * Session-level events (SQLAlchemy's {@code SessionEvents}): before/after flush, after commit, after rollback.
 * A {@link SessionFactory} has one set shared by all its sessions; each {@link Session} has its own as well.
 *
 * <pre>{@code
 * factory.events().onBeforeFlush(session -> audit(session.dirty()));
 * }</pre>
 */
public final class SessionEvents {
    private final List<SessionListener> beforeFlush = new CopyOnWriteArrayList<>();
    private final List<SessionListener> afterFlush = new CopyOnWriteArrayList<>();
    private final List<SessionListener> afterCommit = new CopyOnWriteArrayList<>();
    private final List<SessionListener> afterRollback = new CopyOnWriteArrayList<>();

    SessionEvents() {
    }

    private static Registration add(List<SessionListener> list, SessionListener l) {
        Objects.requireNonNull(l, "listener");
        list.add(l);
        return () -> list.remove(l);
    }

    /**
     * {@return its registration}
     *
     * @param l called at the start of a flush that has work, before anything is written; it may add objects
     */
    public Registration onBeforeFlush(SessionListener l) {
        return add(beforeFlush, l);
    }

    /**
     * {@return its registration}
     *
     * @param l called after a flush wrote its statements and the objects took their new states
     */
    public Registration onAfterFlush(SessionListener l) {
        return add(afterFlush, l);
    }

    /**
     * {@return its registration}
     *
     * @param l called after the session's transaction committed
     */
    public Registration onAfterCommit(SessionListener l) {
        return add(afterCommit, l);
    }

    /**
     * {@return its registration}
     *
     * @param l called after the session's transaction rolled back
     */
    public Registration onAfterRollback(SessionListener l) {
        return add(afterRollback, l);
    }

    static void fire(List<SessionListener> list, Session s) {
        for (SessionListener l : list) {
            l.handle(s);
        }
    }

    List<SessionListener> beforeFlush() {
        return beforeFlush;
    }

    List<SessionListener> afterFlush() {
        return afterFlush;
    }

    List<SessionListener> afterCommit() {
        return afterCommit;
    }

    List<SessionListener> afterRollback() {
        return afterRollback;
    }
}
