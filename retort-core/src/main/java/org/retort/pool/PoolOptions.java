package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every pool understands (SQLAlchemy's {@code create_engine} pool arguments). Immutable: each
 * {@code with*} method returns a modified copy.
 *
 * @param size connections a {@link QueuePool} keeps open; 0 means no limit
 * @param maxOverflow extra connections a {@link QueuePool} may open under load; -1 means no limit
 * @param timeout how long a checkout waits for a free connection
 * @param recycle connections older than this are replaced at checkout; null for never
 * @param prePing test each connection at checkout and replace it when dead
 * @param ping how a connection is tested; true when alive
 * @param listener receives the pool's events
 */
public record PoolOptions(int size, int maxOverflow, Duration timeout, Duration recycle, boolean prePing,
                          Ping ping, PoolListener listener) {

    /** The default liveness test: {@link Connection#isValid(int)} with a five second limit. */
    public static final Ping IS_VALID = c -> c.isValid(5);

    /** Checks validity. */
    public PoolOptions {
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or more, got " + size);
        }
        if (maxOverflow < -1) {
            throw new IllegalArgumentException("maxOverflow must be -1 (no limit) or more, got " + maxOverflow);
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(ping, "ping");
        Objects.requireNonNull(listener, "listener");
    }

    /** {@return SQLAlchemy's defaults: size 5, overflow 10, timeout 30 s, no recycle, no pre-ping, no listener} */
    public static PoolOptions defaults() {
        return new PoolOptions(5, 10, Duration.ofSeconds(30), null, false, IS_VALID, PoolListener.NONE);
    }

    /**
     * Returns a copy with that size.
     *
     * @param newSize connections kept open
     * @return a copy with that size
     */
    public PoolOptions withSize(int newSize) {
        return new PoolOptions(newSize, maxOverflow, timeout, recycle, prePing, ping, listener);
    }

    /**
     * Returns a copy with that overflow.
     *
     * @param newMaxOverflow extra connections allowed
     * @return a copy with that overflow
     */
    public PoolOptions withMaxOverflow(int newMaxOverflow) {
        return new PoolOptions(size, newMaxOverflow, timeout, recycle, prePing, ping, listener);
    }

    /**
     * Returns a copy with that timeout.
     *
     * @param newTimeout the checkout timeout
     * @return a copy with that timeout
     */
    public PoolOptions withTimeout(Duration newTimeout) {
        return new PoolOptions(size, maxOverflow, newTimeout, recycle, prePing, ping, listener);
    }

    /**
     * Returns a copy with that recycle age.
     *
     * @param newRecycle the age limit, or null
     * @return a copy with that recycle age
     */
    public PoolOptions withRecycle(Duration newRecycle) {
        return new PoolOptions(size, maxOverflow, timeout, newRecycle, prePing, ping, listener);
    }

    /**
     * Returns a copy with that pre-ping setting.
     *
     * @param on whether to pre-ping
     * @param newPing the liveness test
     * @return a copy with that pre-ping setting
     */
    public PoolOptions withPrePing(boolean on, Ping newPing) {
        return new PoolOptions(size, maxOverflow, timeout, recycle, on, newPing, listener);
    }

    /**
     * Returns a copy with that listener.
     *
     * @param newListener receives the pool's events
     * @return a copy with that listener
     */
    public PoolOptions withListener(PoolListener newListener) {
        return new PoolOptions(size, maxOverflow, timeout, recycle, prePing, ping, newListener);
    }

    /** Tests whether a pooled connection still works (SQLAlchemy's {@code dialect.do_ping}). */
    @FunctionalInterface
    public interface Ping {
        /**
         * Tests a connection.
         *
         * @param connection the connection
         * @return true when it works
         * @throws SQLException when testing fails, which counts as dead
         */
        boolean isAlive(Connection connection) throws SQLException;
    }
}
