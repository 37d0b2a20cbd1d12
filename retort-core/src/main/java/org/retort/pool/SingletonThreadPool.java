package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection per thread, kept for that thread (SQLAlchemy's {@code SingletonThreadPool}); the default for
 * an in-memory SQLite database, where each connection is a database of its own.
 */
public final class SingletonThreadPool implements Pool {
    private final ConnectionFactory factory;
    private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();

    /**
     * Creates the pool.
     *
     * @param factory opens connections
     */
    public SingletonThreadPool(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Connection checkout() throws SQLException {
        Thread t = Thread.currentThread();
        Connection c = connections.get(t);
        if (c == null || c.isClosed()) {
            c = factory.connect();
            connections.put(t, c);
        }
        return c;
    }

    @Override
    public void checkin(Connection connection) {
        // kept for its thread
    }

    @Override
    public void invalidate(Connection connection) {
        connections.values().remove(connection);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // discarding it anyway
        }
    }

    @Override
    public void dispose() {
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // discarding it anyway
            }
        }
        connections.clear();
    }

    @Override
    public String status() {
        return "SingletonThreadPool: " + connections.size() + " thread connection(s)";
    }
}
