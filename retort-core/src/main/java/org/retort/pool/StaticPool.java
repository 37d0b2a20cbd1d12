package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Exactly one connection, handed to every checkout (SQLAlchemy's {@code StaticPool}); for an in-memory
 * database that several parts of a program, or several threads taking turns, must see. The connection is not
 * safe for concurrent use: callers take turns.
 */
public final class StaticPool extends AbstractPool {
    private Connection connection;

    /**
     * Creates the pool with default options; the connection opens on first checkout.
     *
     * @param factory opens the connection
     */
    public StaticPool(ConnectionFactory factory) {
        this(factory, PoolOptions.defaults());
    }

    /**
     * Creates the pool; the connection opens on first checkout.
     *
     * @param factory opens the connection
     * @param options recycle, pre-ping and listener settings (size, overflow and timeout do not apply)
     */
    public StaticPool(ConnectionFactory factory, PoolOptions options) {
        super(factory, options);
    }

    @Override
    protected synchronized Connection acquire() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = open();
        }
        return connection;
    }

    @Override
    protected void release(Connection c) {
        // the one connection stays open
    }

    @Override
    protected synchronized void discard(Connection c) {
        if (c == connection) {
            dispose();
        } else {
            closeQuietly(c);
        }
    }

    @Override
    public synchronized void dispose() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // discarding it anyway
        }
    }

    @Override
    public synchronized String status() {
        return "StaticPool: " + (connection == null ? "no connection" : "1 connection") + ", " + checkedOut()
                + " checkout(s) in use";
    }
}
