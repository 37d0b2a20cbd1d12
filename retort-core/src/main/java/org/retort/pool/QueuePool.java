package org.retort.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.retort.exc.PoolTimeoutException;

/**
 * A bounded pool of {@code size} connections that may grow by {@code maxOverflow} under load (SQLAlchemy's
 * {@code QueuePool}), with HikariCP doing the pooling.
 *
 * <p>A checkout waits up to the timeout for a free connection and then fails with a
 * {@link PoolTimeoutException} that names the pool's size and overflow.
 */
public final class QueuePool implements Pool {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final HikariConfig config;
    private final int size;
    private final int maxOverflow;
    private final Duration timeout;
    private volatile HikariDataSource dataSource;

    /**
     * Creates the pool; no connection opens until the first checkout.
     *
     * @param jdbcUrl the JDBC URL
     * @param properties driver properties, including user and password
     * @param driverClassName the driver class
     * @param size connections kept open
     * @param maxOverflow extra connections allowed under load
     * @param timeout how long a checkout waits
     * @param recycle connections older than this are replaced; null for never
     */
    public QueuePool(String jdbcUrl, Properties properties, String driverClassName, int size, int maxOverflow,
                     Duration timeout, Duration recycle) {
        this.size = size;
        this.maxOverflow = maxOverflow;
        this.timeout = timeout;
        config = new HikariConfig();
        config.setPoolName("retort-" + COUNTER.incrementAndGet());
        config.setJdbcUrl(jdbcUrl);
        config.setDriverClassName(driverClassName);
        config.setDataSourceProperties(properties);
        config.setMinimumIdle(0); // open lazily, as SQLAlchemy's QueuePool does
        config.setMaximumPoolSize(Math.max(1, size + maxOverflow));
        config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1);
        if (recycle != null) {
            config.setMaxLifetime(Math.max(30_000, recycle.toMillis()));
        }
    }

    private HikariDataSource dataSource() {
        HikariDataSource ds = dataSource;
        if (ds == null) {
            synchronized (this) {
                ds = dataSource;
                if (ds == null) {
                    ds = new HikariDataSource(config);
                    dataSource = ds;
                }
            }
        }
        return ds;
    }

    @Override
    public Connection checkout() throws SQLException {
        try {
            return dataSource().getConnection();
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() instanceof SQLException cause && !(cause instanceof SQLTransientConnectionException)) {
                throw cause;
            }
            throw new PoolTimeoutException("QueuePool limit of size " + size + " overflow " + maxOverflow
                    + " reached, connection timed out after " + timeout.toMillis() + " ms: close connections "
                    + "you no longer need, or raise poolSize/maxOverflow/poolTimeout on the engine", e);
        }
    }

    @Override
    public void checkin(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Hikari returns the connection to the pool on close; a failure means it is already gone
        }
    }

    @Override
    public void invalidate(Connection connection) {
        HikariDataSource ds = dataSource;
        if (ds != null) {
            ds.evictConnection(connection);
        }
    }

    @Override
    public synchronized void dispose() {
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
    }

    @Override
    public String status() {
        HikariDataSource ds = dataSource;
        if (ds == null) {
            return "QueuePool size " + size + " overflow " + maxOverflow + ": no connections yet";
        }
        HikariPoolMXBean bean = ds.getHikariPoolMXBean();
        return "QueuePool size " + size + " overflow " + maxOverflow + ": " + bean.getTotalConnections()
                + " open, " + bean.getActiveConnections() + " checked out, " + bean.getIdleConnections() + " idle, "
                + bean.getThreadsAwaitingConnection() + " waiting";
    }
}
