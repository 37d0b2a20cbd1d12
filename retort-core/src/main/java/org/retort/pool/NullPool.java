package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * No pooling: each checkout opens a connection and each checkin closes it (SQLAlchemy's {@code NullPool}).
 * Use it where something else pools (PgBouncer), or in short-lived programs and forked workers.
 */
public final class NullPool extends AbstractPool {

    /**
     * Creates the pool with default options.
     *
     * @param factory opens connections
     */
    public NullPool(ConnectionFactory factory) {
        this(factory, PoolOptions.defaults());
    }

    /**
     * Creates the pool.
     *
     * @param factory opens connections
     * @param options pre-ping and listener settings (size, overflow and timeout do not apply)
     */
    public NullPool(ConnectionFactory factory, PoolOptions options) {
        super(factory, options);
    }

    @Override
    protected Connection acquire() throws SQLException {
        return open();
    }

    @Override
    protected void release(Connection connection) {
        discard(connection);
    }

    @Override
    protected void discard(Connection connection) {
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
        return "NullPool: " + checkedOut() + " checked out";
    }
}
