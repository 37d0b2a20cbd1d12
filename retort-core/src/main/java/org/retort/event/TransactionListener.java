package org.retort.event;

import org.retort.engine.Connection;

/** Called when a connection begins, commits or rolls back its transaction (SQLAlchemy's {@code begin}, {@code commit}, {@code rollback}). */
@FunctionalInterface
public interface TransactionListener {

    /**
     * Sees the transaction event.
     *
     * @param connection the connection
     */
    void on(Connection connection);
}
