package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Exactly one connection, handed to every checkout (SQLAlchemy's {@code StaticPool}); for an in-memory
 * database that several parts of a program must see. The connection is not safe for concurrent use: callers
 * take turns.
 */
public final class StaticPool implements Pool {
    private final ConnectionFactory factory;
    private Connection connection;

    /**
     * Creates the pool; the connection opens on first checkout.
     *
     * @param factory opens the connection
     */
    public StaticPool(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public synchronized Connection checkout() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = factory.connect();
        }
        return connection;
    }

    @Override
    public void checkin(Connection c) {
        // the one connection stays open
    }

    @Override
    public synchronized void invalidate(Connection c) {
        if (c == connection) {
            dispose();
        }
    }

    @Override
    public synchronized void dispose() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // discarding it anyway
            }
            connection = null;
        }
    }

    @Override
    public synchronized String status() {
        return "StaticPool: " + (connection == null ? "no connection" : "1 connection");
    }
}
