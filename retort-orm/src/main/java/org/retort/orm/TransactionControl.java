package org.retort.orm;

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
    private final Session session;
    /** Innermost first; the root transaction is last. */
    final Deque<SessionTransaction> transactions = new ArrayDeque<>();
    private Connection connection;
    private boolean explicitBegin;
    private String failure;

    TransactionControl(Session session) {
        this.session = session;
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
            connection = session.engine().connect();
            transactions.clear();
            transactions.push(new SessionTransaction(session, null));
        }
        return connection;
    }

    SessionTransaction begin(boolean autobegin) {
        if (connection != null) {
            throw new InvalidRequestException("A transaction is already begun on this Session; commit() or "
                    + "rollback() first, or use beginNested() for a SAVEPOINT");
        }
        explicitBegin = true;
        connection(autobegin);
        return transactions.peekLast();
    }

    SessionTransaction beginNested(boolean autobegin) {
        SessionTransaction st = new SessionTransaction(session, connection(autobegin).beginNested());
        transactions.push(st);
        return st;
    }

    void commitNested(SessionTransaction tx) {
        popTo(tx);
        tx.savepoint().commit();
        tx.deactivate();
    }

    /** Rolls back to the savepoint and restores the objects; false when tx is no longer open. */
    boolean rollbackNested(SessionTransaction tx) {
        if (!transactions.contains(tx)) {
            tx.deactivate();
            return false;
        }
        List<SessionTransaction> undone = popTo(tx);
        tx.savepoint().rollback();
        for (SessionTransaction u : undone) {
            u.restore(false);
            u.deactivate();
        }
        failure = null;
        return true;
    }

    /** Pops transactions down to and including tx; returns them innermost first. */
    private List<SessionTransaction> popTo(SessionTransaction tx) {
        List<SessionTransaction> out = new ArrayList<>();
        while (!transactions.isEmpty()) {
            SessionTransaction top = transactions.pop();
            out.add(top);
            if (top == tx) {
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
        transactions.clear();
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
        List<SessionTransaction> all = new ArrayList<>(transactions);
        transactions.clear();
        for (SessionTransaction tx : all) {
            tx.restore(tx.savepoint() == null);
            tx.deactivate();
        }
        if (all.isEmpty()) {
            new SessionTransaction(session, null).restore(true);
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
        transactions.clear();
    }

    private void release() {
        Connection c = connection;
        connection = null;
        for (SessionTransaction tx : transactions) {
            tx.deactivate();
        }
        if (c != null) {
            c.close();
        }
    }
}
