package org.retort.orm.internal.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.retort.engine.Connection;
import org.retort.exc.InvalidRequestException;

/**
 * A session's connection and its stack of transactions (root, then savepoints): begins on first use, commits,
 * rolls back whole or to a savepoint, and remembers a failed flush until the user rolls back.
 */
final class TransactionControl {
    private final SessionCore core;
    /** Innermost first; the root transaction is last. */
    final Deque<TxLevel> levels = new ArrayDeque<>();
    private Connection connection;
    private boolean explicitBegin;
    private String failure;

    TransactionControl(SessionCore core) {
        this.core = core;
    }

    boolean active() {
        return connection != null;
    }

    String failure() {
        return failure;
    }

    void failed(RuntimeException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int nl = m.indexOf('\n');
        failure = e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }

    Connection connection(boolean autobegin) {
        if (connection == null) {
            if (!autobegin && !explicitBegin) {
                throw new InvalidRequestException("Autobegin is disabled on this Session; call begin() first");
            }
            connection = core.engine().connect();
            levels.clear();
            levels.push(new TxLevel(null));
        }
        return connection;
    }

    TxLevel begin(boolean autobegin) {
        if (connection != null) {
            throw new InvalidRequestException("A transaction is already begun on this Session; commit() or "
                    + "rollback() first, or use beginNested() for a SAVEPOINT");
        }
        explicitBegin = true;
        connection(autobegin);
        return levels.peekLast();
    }

    TxLevel beginNested(boolean autobegin) {
        TxLevel level = new TxLevel(connection(autobegin).beginNested());
        levels.push(level);
        return level;
    }

    void commitNested(TxLevel level) {
        popTo(level);
        level.savepoint().commit();
        level.deactivate();
        level.discard(); // the enclosing levels remembered everything it did
    }

    /** Rolls back to the savepoint and restores the objects; false when the level is no longer open. */
    boolean rollbackNested(TxLevel level) {
        if (!levels.contains(level)) {
            level.deactivate();
            return false;
        }
        List<TxLevel> undone = popTo(level);
        level.savepoint().rollback();
        for (TxLevel u : undone) {
            u.restore(core, false);
            u.deactivate();
        }
        failure = null;
        return true;
    }

    /** Pops levels down to and including the given one; returns them innermost first. */
    private List<TxLevel> popTo(TxLevel level) {
        List<TxLevel> out = new ArrayList<>();
        while (!levels.isEmpty()) {
            TxLevel top = levels.pop();
            out.add(top);
            if (top == level) {
                break;
            }
        }
        return out;
    }

    void commit() {
        if (connection != null) {
            connection.commit();
            release();
        }
        for (TxLevel level : levels) {
            level.discard();
        }
        levels.clear();
        explicitBegin = false;
    }

    /** Rolls the database back and restores every level's objects, innermost first. */
    void rollback() {
        if (connection != null) {
            try {
                connection.rollback();
            } finally {
                release();
            }
        }
        List<TxLevel> all = new ArrayList<>(levels);
        levels.clear();
        for (TxLevel level : all) {
            level.restore(core, level.savepoint() == null);
            level.deactivate();
        }
        if (all.isEmpty()) {
            new TxLevel(null).restore(core, true);
        }
        failure = null;
        explicitBegin = false;
    }

    /** Rolls the database back without touching objects (the session is closing). */
    void close() {
        if (connection != null) {
            try {
                connection.rollback();
            } finally {
                release();
            }
        }
        for (TxLevel level : levels) {
            level.discard();
        }
        levels.clear();
    }

    /** Rolls back the innermost level's statements after a failed flush (to its savepoint, or all of them). */
    void rollbackFailedFlush() {
        TxLevel top = levels.peek();
        if (top != null && top.savepoint() != null) {
            top.savepoint().rollback();
        } else if (connection != null) {
            connection.rollback();
        }
    }

    private void release() {
        Connection c = connection;
        connection = null;
        for (TxLevel level : levels) {
            level.deactivate();
        }
        if (c != null) {
            c.close();
        }
    }
}
