package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection per thread, kept for that thread (SQLAlchemy's {@code SingletonThreadPool}); the default for
 * an in-memory SQLite database, where each connection is a database of its own. Two checkouts on the same
 * thread share the connection, and so see the same database.
 */
public final class SingletonThreadPool extends AbstractPool {
    private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();

    /**
     * Creates the pool with default options.
     *
     * @param factory opens connections
     */
    public SingletonThreadPool(ConnectionFactory factory) {
        this(factory, PoolOptions.defaults());
    }

    /**
     * Creates the pool.
     *
     * @param factory opens connections
     * @param options recycle, pre-ping and listener settings (size, overflow and timeout do not apply)
     */
    public SingletonThreadPool(ConnectionFactory factory, PoolOptions options) {
        super(factory, options);
    }

    @Override
    protected Connection acquire() throws SQLException {
        Thread t = Thread.currentThread();
        Connection c = connections.get(t);
        if (c == null || c.isClosed()) {
            c = open();
            connections.put(t, c);
        }
        return c;
    }

    @Override
    protected void release(Connection connection) {
        // kept for its thread
    }

    @Override
    protected void discard(Connection connection) {
        connections.values().remove(connection);
        closeQuietly(connection);
    }

    @Override
    public void dispose() {
        for (Connection c : connections.values()) {
            closeQuietly(c);
        }
        connections.clear();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // discarding it anyway
        }
    }

    @Override
    public String status() {
        return "SingletonThreadPool: " + connections.size() + " thread connection(s), " + checkedOut()
                + " checkout(s) in use";
    }
}
