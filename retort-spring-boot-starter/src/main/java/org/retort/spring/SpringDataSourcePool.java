package org.retort.spring;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.retort.exc.PoolTimeoutException;
import org.retort.pool.ExternalTransaction;
import org.retort.pool.Pool;
import org.retort.pool.PoolStatistics;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A Retort {@link Pool} over an application's {@link DataSource} (HikariCP in a Spring Boot application), which keeps
 * the pooling and the driver settings the application configured. Connections are taken the way Spring's own
 * {@code JdbcTemplate} takes them ({@link DataSourceUtils}): inside a Spring-managed transaction
 * ({@code @Transactional}, {@code TransactionTemplate}) every Retort {@link org.retort.engine.Connection} and ORM
 * session gets the transaction's connection and joins the transaction (see {@link ExternalTransaction}): Spring
 * commits or rolls back, a Retort {@code rollback()} marks the Spring transaction rollback-only, and Retort
 * SAVEPOINTs nest inside it. Outside one, Retort begins and commits its own transactions on a connection of the
 * data source, as with any pool.
 *
 * <pre>{@code
 * Engine engine = Engine.builder(jdbcUrl).pool(new SpringDataSourcePool(dataSource)).build();
 * }</pre>
 *
 * <p>Thread-safe. {@link #dispose()} does nothing: the data source belongs to the application, which closes it.
 */
public final class SpringDataSourcePool implements Pool {
    private final DataSource dataSource;
    private final AtomicInteger checkedOut = new AtomicInteger();
    private final AtomicLong timeouts = new AtomicLong();

    /**
     * Creates the pool.
     *
     * @param dataSource the application's data source
     */
    public SpringDataSourcePool(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** {@return the data source connections come from} */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Takes the current Spring transaction's connection, or a new one from the data source when there is none.
     *
     * @return the connection
     * @throws SQLException when the data source cannot give one
     * @throws PoolTimeoutException when the data source's pool timed out waiting for a free connection
     */
    @Override
    public Connection checkout() throws SQLException {
        Connection c;
        try {
            c = DataSourceUtils.doGetConnection(dataSource);
        } catch (SQLTransientConnectionException e) {
            timeouts.incrementAndGet();
            throw new PoolTimeoutException("The application's DataSource had no free connection in time ("
                    + e.getMessage() + "): close Retort connections and sessions you no longer need, or raise the "
                    + "pool's maximum size (spring.datasource.hikari.maximum-pool-size)", e);
        }
        checkedOut.incrementAndGet();
        return c;
    }

    /**
     * Gives a connection back: to the data source, or to the Spring transaction it belongs to.
     *
     * @param connection a connection from {@link #checkout()}
     */
    @Override
    public void checkin(Connection connection) {
        checkedOut.decrementAndGet();
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    /**
     * Discards a broken connection: HikariCP evicts it; inside a Spring transaction it is only released, since the
     * transaction's owner will see the failure and end the transaction.
     *
     * @param connection a connection from {@link #checkout()}
     */
    @Override
    public void invalidate(Connection connection) {
        checkedOut.decrementAndGet();
        if (DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            return;
        }
        HikariDataSource hikari = hikari();
        if (hikari != null) {
            hikari.evictConnection(connection);
        } else {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * The Spring transaction a connection belongs to, when a transaction is really active on this thread (not merely
     * transaction synchronization, as with {@code SUPPORTS} outside a transaction).
     *
     * @param connection a connection from {@link #checkout()}
     * @return the Spring transaction, or null
     */
    @Override
    public ExternalTransaction externalTransaction(Connection connection) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
            return null;
        }
        ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
        return holder == null ? null : new SpringTransaction(holder);
    }

    /** Does nothing: the application owns and closes its data source. */
    @Override
    public void dispose() {
    }

    /**
     * Connections checked out through this pool, HikariCP's idle and waiting counts when the data source is
     * HikariCP (0 otherwise), and checkouts that timed out.
     *
     * @return the counters
     */
    @Override
    public PoolStatistics statistics() {
        HikariDataSource hikari = hikari();
        HikariPoolMXBean bean = hikari == null ? null : hikari.getHikariPoolMXBean();
        return new PoolStatistics(checkedOut.get(), bean == null ? 0 : bean.getIdleConnections(),
                bean == null ? 0 : bean.getThreadsAwaitingConnection(), timeouts.get());
    }

    @Override
    public String status() {
        PoolStatistics s = statistics();
        return "SpringDataSourcePool over " + dataSource.getClass().getSimpleName() + ": " + s.active()
                + " checked out, " + s.idle() + " idle, " + s.pending() + " waiting";
    }

    private HikariDataSource hikari() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** A Spring-managed transaction, seen by Retort: rollback marks the connection holder rollback-only. */
    private record SpringTransaction(ConnectionHolder holder) implements ExternalTransaction {
        @Override
        public void setRollbackOnly() {
            holder.setRollbackOnly();
        }

        @Override
        public String description() {
            return "Spring-managed transaction";
        }
    }
}
