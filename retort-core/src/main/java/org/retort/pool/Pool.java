package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A source of JDBC connections that an {@link org.retort.engine.Engine} checks out and back in.
 *
 * <p>Implementations are thread-safe. A checked-out connection belongs to one caller until it is checked in
 * or invalidated. Retort's pools extend {@link AbstractPool}, which adds recycling, pre-ping and events.
 */
public interface Pool {

    /**
     * Takes a connection out of the pool, opening one when needed.
     *
     * @return a connection in autocommit mode
     * @throws SQLException when no connection can be had
     */
    Connection checkout() throws SQLException;

    /**
     * Returns a connection to the pool. The caller has already ended any transaction on it.
     *
     * @param connection a connection from {@link #checkout()}
     */
    void checkin(Connection connection);

    /**
     * Discards a connection that is broken or must not be reused; it is closed and never handed out again.
     *
     * @param connection a connection from {@link #checkout()}
     */
    void invalidate(Connection connection);

    /**
     * Discards a connection, saying why; listeners see the cause.
     *
     * @param connection a connection from {@link #checkout()}
     * @param cause the failure that made it unusable, or null
     */
    default void invalidate(Connection connection, Throwable cause) {
        invalidate(connection);
    }

    /**
     * Marks every connection opened so far as stale, so each is replaced when next checked out rather than
     * handed out again (SQLAlchemy's soft invalidation of the pool after a disconnect, when the server may
     * have restarted). Connections in use are not interrupted.
     */
    default void invalidateAll() {
    }

    /**
     * The transaction, owned by someone else, that a checked-out connection already takes part in; the
     * {@link org.retort.engine.Connection} over it then joins that transaction instead of beginning, committing
     * and rolling back its own. Retort's own pools never hand out such connections; a pool over an application
     * server's or Spring's data source does.
     *
     * @param connection a connection from {@link #checkout()}
     * @return the external transaction, or null when Retort manages the connection's transactions itself
     */
    default ExternalTransaction externalTransaction(Connection connection) {
        return null;
    }

    /** Closes every connection the pool holds; the pool stays usable and opens new ones on demand. */
    void dispose();

    /**
     * The pool's counters now, read by metrics (a Micrometer binder polls it for its gauges); cheap enough to call
     * every few seconds.
     *
     * @return the counters, or null when this pool keeps none
     */
    default PoolStatistics statistics() {
        return null;
    }

    /** {@return a one-line description of the pool's state, e.g. size, checked out and overflow} */
    String status();
}
