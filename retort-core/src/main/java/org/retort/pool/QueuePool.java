package org.retort.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.retort.exc.PoolTimeoutException;

/**
 * A bounded pool of {@code size} connections that may grow by {@code maxOverflow} under load (SQLAlchemy's
 * {@code QueuePool}), with HikariCP doing the pooling.
 *
 * <p>A checkout waits up to the timeout for a free connection and then fails with a
 * {@link PoolTimeoutException} that names the pool's size and overflow. Connections open lazily. HikariCP
 * closes idle connections beyond the size after its idle timeout (at least ten seconds) rather than at once,
 * and on return rolls back what is still open and restores autocommit and the isolation level.
 */
public final class QueuePool extends AbstractPool {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int UNLIMITED = 10_000;

    private final HikariConfig config;
    private volatile HikariDataSource dataSource;
    private final Set<Thread> waiting = new HashSet<>();
    private final Set<Thread> failed = new HashSet<>();
    private volatile SQLException lastOpenFailure;
    private final Map<Connection, HikariDataSource> owners = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<HikariDataSource> retired = new ArrayList<>();

    /**
     * Creates the pool; no connection opens until the first checkout.
     *
     * @param factory opens physical connections
     * @param options size, overflow, timeout, recycle, pre-ping and listener
     */
    public QueuePool(ConnectionFactory factory, PoolOptions options) {
        this(factory, options, config -> { });
    }

    /**
     * Creates the pool and lets the caller change HikariCP's own configuration after Retort has set it up: for
     * HikariCP's settings Retort has no name for (a {@code MetricsTrackerFactory}, leak detection, connection init
     * SQL, ...). Retort's settings (size, timeout, recycle, its data source) are already in the config; changing
     * those here overrides what the {@link PoolOptions} say, so leave them alone.
     *
     * @param factory opens physical connections
     * @param options size, overflow, timeout, recycle, pre-ping and listener
     * @param hikariSettings changes to the {@link HikariConfig}, run once, before HikariCP starts
     */
    public QueuePool(ConnectionFactory factory, PoolOptions options, Consumer<HikariConfig> hikariSettings) {
        super(factory, options);
        config = new HikariConfig();
        config.setPoolName("retort-" + COUNTER.incrementAndGet());
        config.setDataSource(new FactoryDataSource(this::openOrFailWaiters));
        config.setMinimumIdle(0); // open lazily, as SQLAlchemy's QueuePool does
        int max = options.size() == 0 || options.maxOverflow() < 0 ? UNLIMITED : options.size() + options.maxOverflow();
        config.setMaximumPoolSize(Math.max(1, max));
        config.setIdleTimeout(10_000);
        config.setConnectionTimeout(Math.max(250, options.timeout().toMillis()));
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1);
        if (options.recycle() != null && options.recycle().toMillis() >= 30_000) {
            config.setMaxLifetime(options.recycle().toMillis());
        }
        hikariSettings.accept(config);
    }

    /**
     * Creates the pool from a JDBC URL; no connection opens until the first checkout.
     *
     * @param jdbcUrl the JDBC URL
     * @param properties driver properties, including user and password
     * @param driverClassName the driver class, loaded here
     * @param size connections kept open
     * @param maxOverflow extra connections allowed under load
     * @param timeout how long a checkout waits
     * @param recycle connections older than this are replaced; null for never
     */
    public QueuePool(String jdbcUrl, Properties properties, String driverClassName, int size, int maxOverflow,
                     Duration timeout, Duration recycle) {
        this(() -> {
            try {
                Class.forName(driverClassName);
            } catch (ClassNotFoundException e) {
                throw new SQLException("JDBC driver " + driverClassName + " is not on the class path", "08001", e);
            }
            return DriverManager.getConnection(jdbcUrl, properties);
        }, PoolOptions.defaults().withSize(size).withMaxOverflow(maxOverflow).withTimeout(timeout).withRecycle(recycle));
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

    /**
     * Checks out through HikariCP. HikariCP opens connections on its own thread and would let a checkout wait
     * the whole timeout when the database refuses them; so a failure to open wakes the waiting checkouts, which
     * then fail at once with the database's own error, as SQLAlchemy's pool does.
     */
    @Override
    protected Connection acquire() throws SQLException {
        Thread me = Thread.currentThread();
        synchronized (waiting) {
            waiting.add(me);
        }
        boolean failedToOpen = false;
        try {
            HikariDataSource ds = dataSource();
            Connection c = ds.getConnection();
            owners.put(c, ds);
            return c;
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() instanceof SQLException cause && !(cause instanceof SQLTransientConnectionException)) {
                throw cause;
            }
            throw new PoolTimeoutException("QueuePool limit of size " + options().size() + " overflow "
                    + options().maxOverflow() + " reached, connection timed out, timeout "
                    + String.format(Locale.ROOT, "%.2f", options().timeout().toMillis() / 1000.0) + " s: close "
                    + "connections you no longer need (try-with-resources), or raise poolSize, maxOverflow or "
                    + "poolTimeout on the engine", e);
        } catch (SQLException e) {
            synchronized (waiting) {
                failedToOpen = failed.contains(me);
            }
            SQLException cause = lastOpenFailure;
            if (failedToOpen && cause != null) {
                throw new SQLException(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            }
            throw e;
        } finally {
            synchronized (waiting) {
                waiting.remove(me);
                if (failed.remove(me)) {
                    Thread.interrupted(); // the wake-up was ours, not the caller's
                }
            }
        }
    }

    private Connection openOrFailWaiters() throws SQLException {
        try {
            return open();
        } catch (SQLException e) {
            lastOpenFailure = e;
            synchronized (waiting) {
                for (Thread t : waiting) {
                    if (failed.add(t)) {
                        t.interrupt();
                    }
                }
            }
            throw e;
        }
    }

    @Override
    protected Connection physical(Connection connection) {
        try {
            // a proxy HikariCP has closed wraps a placeholder whose every method throws
            return connection.isClosed() ? connection : connection.unwrap(Connection.class);
        } catch (SQLException e) {
            return connection;
        }
    }

    @Override
    protected void release(Connection connection) {
        owners.remove(connection);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Hikari returns the connection to the pool on close; a failure means it is already gone
        }
        closeIdleRetired();
    }

    @Override
    protected void discard(Connection connection) {
        HikariDataSource ds = owners.remove(connection);
        if (ds == null) {
            ds = dataSource;
        }
        if (ds != null && !ds.isClosed()) {
            ds.evictConnection(connection);
        }
        closeIdleRetired();
    }

    /**
     * Closes every pooled connection, as SQLAlchemy's {@code dispose()} replaces the pool: idle connections close
     * now, checked-out ones keep working and close when they are checked in, and the next checkout starts a new
     * pool.
     */
    @Override
    public synchronized void dispose() {
        if (dataSource != null) {
            dataSource.getHikariPoolMXBean().softEvictConnections();
            retired.add(dataSource);
            dataSource = null;
        }
        closeIdleRetired();
    }

    private synchronized void closeIdleRetired() {
        if (retired.isEmpty()) {
            return;
        }
        for (Iterator<HikariDataSource> it = retired.iterator(); it.hasNext(); ) {
            HikariDataSource ds = it.next();
            if (!owners.containsValue(ds)) {
                ds.close();
                it.remove();
            }
        }
    }

    @Override
    protected int idle() {
        HikariDataSource ds = dataSource;
        return ds == null ? 0 : ds.getHikariPoolMXBean().getIdleConnections();
    }

    @Override
    protected int pending() {
        HikariDataSource ds = dataSource;
        return ds == null ? 0 : ds.getHikariPoolMXBean().getThreadsAwaitingConnection();
    }

    @Override
    public String status() {
        String head = "QueuePool size " + options().size() + " overflow " + options().maxOverflow() + ": ";
        HikariDataSource ds = dataSource;
        if (ds == null) {
            return head + "0 open, 0 checked out";
        }
        HikariPoolMXBean bean = ds.getHikariPoolMXBean();
        return head + bean.getTotalConnections() + " open, " + bean.getActiveConnections() + " checked out, "
                + bean.getIdleConnections() + " idle, " + bean.getThreadsAwaitingConnection() + " waiting";
    }
}
