package org.retort.spring;

import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.IsolationLevel;
import org.retort.engine.Transaction;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * A Spring transaction manager in which Retort owns the transactions: for apps that want {@code @Transactional}
 * and {@code TransactionTemplate} to begin, commit and roll back through a Retort {@link Connection} (Retort's
 * dialect, echo, events and error messages) rather than through Spring's {@code DataSourceTransactionManager}.
 * The starter registers it as the {@code transactionManager} bean when {@code retort.transaction-manager=retort}.
 *
 * <p>A transaction checks out one Retort connection from the engine, applies the definition's isolation level
 * ({@link Connection#setIsolationLevel}) and read-only flag, begins, and at its end commits or rolls back and
 * gives the connection back. The engine's pool must be a {@link SpringDataSourcePool}: the transaction's JDBC
 * connection is bound to the pool's data source the way Spring's own transaction managers bind it, so inside the
 * transaction
 * <ul>
 *   <li>every {@code engine.connect()} gets the transaction's connection and joins the transaction (its
 *       {@code commit()} is left to the transaction manager, its {@code rollback()} marks the transaction
 *       rollback-only; see {@link org.retort.pool.ExternalTransaction});</li>
 *   <li>ORM sessions, among them {@link TransactionalSession#get()}, join it the same way, and the transactional
 *       session is flushed before the commit;</li>
 *   <li>{@code JdbcTemplate} and other {@code DataSourceUtils} users share it too.</li>
 * </ul>
 *
 * <p>Propagation: {@code REQUIRED} joins, {@code REQUIRES_NEW} suspends the bound connection (and the
 * transactional session) and checks out another one, {@code NESTED} opens a Retort SAVEPOINT
 * ({@link Connection#beginNested()}) on the transaction's connection and rolls back to it when the nested
 * transaction fails. A timeout is handed to the bound connection holder, which {@code JdbcTemplate} applies to
 * its statements. Failures to begin, commit or roll back are translated by {@link RetortExceptionTranslator}:
 * a failed COMMIT surfaces as Spring's {@link DataAccessException} of its kind (for instance a
 * {@code DataIntegrityViolationException} for a deferred constraint).
 *
 * <pre>{@code
 * @Bean
 * PlatformTransactionManager transactionManager(Engine engine) {
 *     return new RetortTransactionManager(engine);
 * }
 * }</pre>
 */
public final class RetortTransactionManager extends AbstractPlatformTransactionManager
        implements ResourceTransactionManager {
    private final transient Engine engine;
    private final transient DataSource dataSource;
    private final transient RetortExceptionTranslator translator;

    /**
     * Creates a transaction manager whose translator reads the database's error codes from the pool's data source.
     *
     * @param engine the engine; its pool must be a {@link SpringDataSourcePool}
     * @throws IllegalArgumentException when the engine's pool is not a {@link SpringDataSourcePool}
     */
    public RetortTransactionManager(Engine engine) {
        this(engine, null);
    }

    /**
     * Creates a transaction manager.
     *
     * @param engine the engine; its pool must be a {@link SpringDataSourcePool}
     * @param translator translates failures to begin, commit or roll back; null for one over the pool's data
     *     source
     * @throws IllegalArgumentException when the engine's pool is not a {@link SpringDataSourcePool}
     */
    public RetortTransactionManager(Engine engine, RetortExceptionTranslator translator) {
        this.engine = Objects.requireNonNull(engine, "engine");
        if (!(engine.pool() instanceof SpringDataSourcePool pool)) {
            throw new IllegalArgumentException("RetortTransactionManager needs an engine whose pool is a "
                    + "SpringDataSourcePool, so that engine.connect() and ORM sessions join its transactions; build "
                    + "it with Engine.builder(url).pool(new SpringDataSourcePool(dataSource)), which the starter's "
                    + "engine already is (this engine's pool: " + engine.pool().getClass().getSimpleName() + ")");
        }
        this.dataSource = pool.dataSource();
        this.translator = translator != null ? translator : new RetortExceptionTranslator(dataSource);
        setNestedTransactionAllowed(true);
    }

    /** {@return the engine whose connections carry the transactions} */
    public Engine engine() {
        return engine;
    }

    /** {@return the data source the transaction's connection is bound to: the engine pool's} */
    @Override
    public Object getResourceFactory() {
        return dataSource;
    }

    @Override
    protected Object doGetTransaction() {
        TxObject tx = new TxObject();
        if (TransactionSynchronizationManager.getResource(dataSource) instanceof RetortConnectionHolder holder) {
            tx.holder = holder;
        }
        return tx;
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        TxObject tx = (TxObject) transaction;
        return tx.holder != null && tx.holder.active();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        TxObject tx = (TxObject) transaction;
        Connection connection = null;
        boolean readOnlySet = false;
        try {
            connection = engine.connect();
            if (definition.getIsolationLevel() != TransactionDefinition.ISOLATION_DEFAULT) {
                connection.setIsolationLevel(IsolationLevel.ofJdbc(definition.getIsolationLevel()));
            }
            if (definition.isReadOnly()) {
                connection.jdbcConnection().setReadOnly(true);
                readOnlySet = true;
            }
            Transaction root = connection.begin();
            RetortConnectionHolder holder = new RetortConnectionHolder(connection, root, readOnlySet);
            holder.setSynchronizedWithTransaction(true);
            holder.activate();
            int timeout = determineTimeout(definition);
            if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
                holder.setTimeoutInSeconds(timeout);
            }
            TransactionSynchronizationManager.bindResource(dataSource, holder);
            tx.holder = holder;
            tx.newHolder = true;
        } catch (RuntimeException | SQLException e) {
            if (connection != null) {
                release(connection, readOnlySet);
            }
            Throwable cause = e instanceof RuntimeException r ? translator.translate(r) : e;
            throw new CannotCreateTransactionException("Could not begin a Retort transaction: " + e.getMessage(),
                    cause);
        }
    }

    @Override
    protected Object doSuspend(Object transaction) {
        TxObject tx = (TxObject) transaction;
        tx.holder = null;
        return TransactionSynchronizationManager.unbindResource(dataSource);
    }

    @Override
    protected void doResume(Object transaction, Object suspendedResources) {
        TransactionSynchronizationManager.bindResource(dataSource, suspendedResources);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        RetortConnectionHolder holder = ((TxObject) status.getTransaction()).holder;
        if (status.isDebug()) {
            logger.debug("Committing Retort transaction on " + holder.connection);
        }
        try {
            holder.root.commit();
        } catch (RuntimeException e) {
            throw translated(e, "commit");
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        RetortConnectionHolder holder = ((TxObject) status.getTransaction()).holder;
        if (status.isDebug()) {
            logger.debug("Rolling back Retort transaction on " + holder.connection);
        }
        try {
            holder.root.rollback();
        } catch (RuntimeException e) {
            throw translated(e, "roll back");
        }
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        ((TxObject) status.getTransaction()).holder.setRollbackOnly();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TxObject tx = (TxObject) transaction;
        if (!tx.newHolder) {
            return;
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
        RetortConnectionHolder holder = tx.holder;
        holder.clear();
        release(holder.connection, holder.readOnlySet);
    }

    /** Resets the read-only flag and gives the connection back (its isolation level is restored on close). */
    private void release(Connection connection, boolean readOnlySet) {
        try {
            if (readOnlySet && !connection.isClosed()) {
                connection.jdbcConnection().setReadOnly(false);
            }
        } catch (SQLException e) {
            logger.debug("Could not reset the connection's read-only flag", e);
        } finally {
            try {
                connection.close();
            } catch (RuntimeException e) {
                logger.debug("Could not give the Retort connection back", e);
            }
        }
    }

    private RuntimeException translated(RuntimeException e, String what) {
        RuntimeException t = translator.translate(e);
        if (t instanceof DataAccessException || t instanceof TransactionException) {
            return t;
        }
        return new TransactionSystemException("Could not " + what + " the Retort transaction: " + e.getMessage(), e);
    }

    /**
     * The transaction's Retort connection, bound to the data source like Spring's own connection holders, so
     * {@code DataSourceUtils} (and with it {@link SpringDataSourcePool}) hands its JDBC connection to everyone in
     * the transaction.
     */
    private static final class RetortConnectionHolder extends ConnectionHolder {
        final Connection connection;
        final Transaction root;
        final boolean readOnlySet;

        RetortConnectionHolder(Connection connection, Transaction root, boolean readOnlySet) {
            super(connection.jdbcConnection());
            this.connection = connection;
            this.root = root;
            this.readOnlySet = readOnlySet;
        }

        boolean active() {
            return isTransactionActive();
        }

        void activate() {
            setTransactionActive(true);
        }
    }

    /** One Spring transaction's view of the bound holder; a savepoint manager through Retort's SAVEPOINTs. */
    private final class TxObject implements SmartTransactionObject, SavepointManager {
        RetortConnectionHolder holder;
        boolean newHolder;

        @Override
        public boolean isRollbackOnly() {
            return holder.isRollbackOnly();
        }

        @Override
        public void flush() {
            TransactionSynchronizationUtils.triggerFlush();
        }

        @Override
        public Object createSavepoint() {
            if (holder == null) {
                throw new NestedTransactionNotSupportedException("No Retort transaction to take a savepoint in");
            }
            try {
                return holder.connection.beginNested();
            } catch (RuntimeException e) {
                throw new NestedTransactionNotSupportedException("Could not open a Retort SAVEPOINT: "
                        + translator.translate(e).getMessage());
            }
        }

        @Override
        public void rollbackToSavepoint(Object savepoint) {
            try {
                ((Transaction) savepoint).rollback();
            } catch (RuntimeException e) {
                throw translated(e, "roll back to the savepoint of");
            }
            holder.resetRollbackOnly();
        }

        @Override
        public void releaseSavepoint(Object savepoint) {
            Transaction nested = (Transaction) savepoint;
            if (!nested.isActive()) {
                return; // rolled back already, which ended it
            }
            try {
                nested.commit();
            } catch (RuntimeException e) {
                logger.debug("Could not release a Retort SAVEPOINT", e);
            }
        }
    }
}
