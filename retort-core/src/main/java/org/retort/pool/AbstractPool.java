package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.retort.exc.PoolTimeoutException;

/**
 * What every Retort pool does around its own way of keeping connections: recycling connections past their
 * age limit, pre-pinging at checkout, replacing connections made stale by {@link #invalidateAll()}, counting
 * checkouts, and telling the {@link PoolListener}.
 *
 * <p>A subclass says only how it acquires, releases and discards a connection, and opens new physical
 * connections through {@link #open()} so that their age is known and the connect event fires.
 */
public abstract class AbstractPool implements Pool {
    private final ConnectionFactory factory;
    private final PoolOptions options;
    private final Map<Connection, Long> openedAt = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicInteger checkedOut = new AtomicInteger();
    private final AtomicLong timeouts = new AtomicLong();
    private volatile boolean staleMarked;
    private volatile long staleBefore;

    /**
     * Creates the pool.
     *
     * @param factory opens physical connections
     * @param options the pool settings
     */
    protected AbstractPool(ConnectionFactory factory, PoolOptions options) {
        this.factory = java.util.Objects.requireNonNull(factory, "factory");
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** {@return the settings this pool was made with} */
    public PoolOptions options() {
        return options;
    }

    /**
     * Opens a new physical connection, records when, and fires the connect event.
     *
     * @return the new connection
     * @throws SQLException when the database cannot be reached
     */
    protected final Connection open() throws SQLException {
        Connection c = factory.connect();
        openedAt.put(c, System.nanoTime());
        options.listener().connect(c);
        return c;
    }

    /**
     * Takes a connection from the pool's store, opening one with {@link #open()} when needed.
     *
     * @return a connection
     * @throws SQLException when none can be had
     */
    protected abstract Connection acquire() throws SQLException;

    /**
     * Puts a checked-in connection back into the store (or closes it).
     *
     * @param connection the connection
     */
    protected abstract void release(Connection connection);

    /**
     * Closes a connection and forgets it.
     *
     * @param connection the connection
     */
    protected abstract void discard(Connection connection);

    /**
     * The physical connection behind one this pool hands out, where the two differ (a pool's proxy).
     *
     * @param connection a connection from {@link #acquire()}
     * @return the physical connection
     */
    protected Connection physical(Connection connection) {
        return connection;
    }

    @Override
    public final Connection checkout() throws SQLException {
        int failedPings = 0;
        while (true) {
            Connection c;
            try {
                c = acquire();
            } catch (PoolTimeoutException e) {
                timeouts.incrementAndGet();
                throw e;
            }
            Throwable problem = staleness(c);
            if (problem == null && options.prePing()) {
                problem = ping(c);
                if (problem != null) {
                    // the server may have restarted: connections opened before now are replaced without a ping
                    invalidateAll();
                    failedPings++;
                }
            }
            if (problem == null) {
                checkedOut.incrementAndGet();
                options.listener().checkout(c);
                return c;
            }
            drop(c, problem);
            if (failedPings > 2) {
                throw new SQLException("No working connection: " + failedPings + " connections failed their pre-ping "
                        + "at checkout, the last with: " + problem.getMessage(), "08001", problem);
            }
        }
    }

    private Long openedAt(Connection c) {
        try {
            return openedAt.get(physical(c));
        } catch (RuntimeException e) {
            return null; // a driver whose closed connections refuse even hashCode()
        }
    }

    private void forget(Connection c) {
        try {
            openedAt.remove(physical(c));
        } catch (RuntimeException e) {
            // as above: nothing recorded can be found for it
        }
    }

    private Throwable staleness(Connection c) {
        if (!staleMarked && options.recycle() == null) {
            return null; // nothing can be stale: skip the lookup of the connection's age (a proxy unwrap per checkout)
        }
        Long opened = openedAt(c);
        if (opened != null && staleMarked && opened - staleBefore < 0) {
            return new SQLException("connection invalidated by an earlier disconnect", "08003");
        }
        if (opened != null && options.recycle() != null && System.nanoTime() - opened > options.recycle().toNanos()) {
            return new SQLException("connection older than the pool's recycle time of " + options.recycle(), "08003");
        }
        return null;
    }

    private Throwable ping(Connection c) {
        try {
            return options.ping().isAlive(c) ? null : new SQLException("pre-ping found the connection dead", "08003");
        } catch (SQLException | RuntimeException e) {
            return e;
        }
    }

    private void drop(Connection c, Throwable cause) {
        try {
            options.listener().invalidate(c, cause);
        } finally {
            forget(c);
            discard(c);
        }
    }

    @Override
    public final void checkin(Connection connection) {
        checkedOut.decrementAndGet();
        try {
            options.listener().checkin(connection);
        } finally {
            release(connection);
        }
    }

    @Override
    public final void invalidate(Connection connection) {
        invalidate(connection, null);
    }

    @Override
    public final void invalidate(Connection connection, Throwable cause) {
        checkedOut.decrementAndGet();
        drop(connection, cause);
    }

    @Override
    public void invalidateAll() {
        staleBefore = System.nanoTime();
        staleMarked = true;
    }

    /** {@return how many connections are checked out now} */
    public int checkedOut() {
        return checkedOut.get();
    }

    /** {@return checked-out, idle and waiting counts and the checkouts that timed out} */
    @Override
    public PoolStatistics statistics() {
        return new PoolStatistics(checkedOut(), idle(), pending(), timeouts.get());
    }

    /** {@return connections open and idle in the pool now; 0 for pools that keep none} */
    protected int idle() {
        return 0;
    }

    /** {@return threads waiting for a connection now; 0 for pools that never make a caller wait} */
    protected int pending() {
        return 0;
    }
}
