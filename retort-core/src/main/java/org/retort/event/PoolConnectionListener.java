package org.retort.event;

import java.sql.Connection;

/** Called with a raw JDBC connection on a pool event: connect, checkout or checkin. */
@FunctionalInterface
public interface PoolConnectionListener {

    /**
     * Sees the connection.
     *
     * @param connection the JDBC connection (for checkout and checkin, possibly the pool's proxy for it)
     */
    void on(Connection connection);
}
