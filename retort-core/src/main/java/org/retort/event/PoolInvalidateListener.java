package org.retort.event;

import java.sql.Connection;

/** Called when the pool discards a connection (SQLAlchemy's pool {@code invalidate} event). */
@FunctionalInterface
public interface PoolInvalidateListener {

    /**
     * Sees the connection being discarded.
     *
     * @param connection the JDBC connection
     * @param cause why: the disconnect error, a failed pre-ping, an age limit; null when invalidated by hand
     */
    void on(Connection connection, Throwable cause);
}
