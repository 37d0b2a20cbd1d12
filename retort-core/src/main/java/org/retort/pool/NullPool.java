package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** No pooling: each checkout opens a connection and each checkin closes it (SQLAlchemy's {@code NullPool}). */
public final class NullPool implements Pool {
    private final ConnectionFactory factory;
    private final AtomicInteger open = new AtomicInteger();

    /**
     * Creates the pool.
     *
     * @param factory opens connections
     */
    public NullPool(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Connection checkout() throws SQLException {
        Connection c = factory.connect();
        open.incrementAndGet();
        return c;
    }

    @Override
    public void checkin(Connection connection) {
        close(connection);
    }

    @Override
    public void invalidate(Connection connection) {
        close(connection);
    }

    private void close(Connection connection) {
        open.decrementAndGet();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection we are discarding: nothing more to do
        }
    }

    @Override
    public void dispose() {
        // nothing is kept
    }

    @Override
    public String status() {
        return "NullPool: " + open.get() + " open";
    }
}
