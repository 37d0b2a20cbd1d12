package org.retort.pool;

import java.sql.Connection;

/**
 * Receives a pool's lifecycle notifications (SQLAlchemy's {@code PoolEvents}): a physical connection opened,
 * a connection checked out, checked back in, or invalidated.
 *
 * <p>Every method has an empty default, so an implementation overrides only what it needs. The engine passes
 * its {@link org.retort.event.PoolEvents} registry here; applications register listeners there rather than
 * implementing this interface. Methods are called on the thread doing the checkout or checkin and must be quick.
 */
public interface PoolListener {

    /** A listener that ignores everything. */
    PoolListener NONE = new PoolListener() {
    };

    /**
     * A new physical connection was opened, before it is first handed out.
     *
     * @param connection the new driver connection
     */
    default void connect(Connection connection) {
    }

    /**
     * A connection was checked out, after any pre-ping.
     *
     * @param connection the connection handed to the caller
     */
    default void checkout(Connection connection) {
    }

    /**
     * A connection is being returned to the pool.
     *
     * @param connection the connection being checked in
     */
    default void checkin(Connection connection) {
    }

    /**
     * A connection is being discarded: dead, too old, failed its pre-ping, or invalidated by the engine.
     *
     * @param connection the connection
     * @param cause why, or null when it was simply too old
     */
    default void invalidate(Connection connection, Throwable cause) {
    }
}
