package org.retort.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;
import org.retort.exc.DBAPIException;
import org.retort.exc.InvalidRequestException;
import org.retort.exc.ResourceClosedException;
import org.retort.sql.BoundStatement;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;
import org.retort.sql.StatementKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One checked-out database connection (SQLAlchemy's {@code Connection}).
 *
 * <p>The first statement begins a transaction automatically; {@link #commit()} or {@link #rollback()} ends it
 * ("commit as you go"). {@link #begin()} starts one explicitly and {@link #beginNested()} opens a SAVEPOINT
 * inside it. {@link #close()} rolls back whatever is unfinished and returns the connection to the pool.
 *
 * <p>A connection is stateful and single-threaded: use it from one thread at a time.
 */
public final class Connection implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger("org.retort.engine");

    private final Engine engine;
    private final Dialect dialect;
    private java.sql.Connection jdbc;
    private Transaction transaction;
    private final List<Transaction> nested = new ArrayList<>();
    private int savepointCounter;
    private boolean closed;
    private IsolationLevel isolationLevel;
    private boolean autocommit;

    Connection(Engine engine, java.sql.Connection jdbc) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.jdbc = jdbc;
        IsolationLevel level = engine.isolationLevel();
        if (level != null) {
            setIsolationLevel(level);
        }
    }

    // ------------------------------------------------------------------ execution

    /**
     * Executes a statement with no extra parameters.
     *
     * @param statement the statement
     * @return its result; close it, or read it to the end, when it returns rows
     */
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /**
     * Executes a statement with parameter values by bind name.
     *
     * @param statement the statement
     * @param params values for its bind parameters
     * @return its result
     */
    public Result execute(Executable statement, Map<String, ?> params) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(params, "params");
        Executable stmt = statement.forParameters(params);
        Compiled compiled = compile(stmt);
        BoundStatement bound = compiled.bind(stmt.boundValues(), params);
        return executeBound(compiled, bound);
    }

    /**
     * Executes a statement once per parameter set, as one JDBC batch ("executemany").
     *
     * @param statement the statement, usually an INSERT, UPDATE or DELETE
     * @param paramSets one map of values per execution; must not be empty
     * @return a result whose {@link Result#rowcount()} is the total count of affected rows
     */
    public Result execute(Executable statement, List<? extends Map<String, ?>> paramSets) {
        Objects.requireNonNull(statement, "statement");
        if (paramSets.isEmpty()) {
            throw new ArgumentException("executemany needs at least one parameter set; pass Map.of() to execute once "
                    + "without parameters");
        }
        if (paramSets.size() == 1) {
            return execute(statement, paramSets.get(0));
        }
        List<Executable> manyValues = statement.manyValuesBatches(paramSets, dialect);
        if (!manyValues.isEmpty()) {
            return executeManyValues(manyValues);
        }
        statement = statement.forParameters(paramSets.get(0));
        Compiled compiled = compile(statement);
        if (compiled.isReturning()) {
            // a JDBC batch cannot return rows: run each parameter set on its own and gather the rows
            List<Executable> each = new ArrayList<>(paramSets.size());
            for (Map<String, ?> params : paramSets) {
                each.add(new BoundExecutable(statement, params));
            }
            return executeManyValues(each);
        }
        Map<String, Object> own = statement.boundValues();
        List<BoundStatement> bounds = new ArrayList<>(paramSets.size());
        for (Map<String, ?> params : paramSets) {
            bounds.add(compiled.bind(own, params));
        }
        return executeBatch(compiled, bounds, paramSets);
    }

    /**
     * Executes a statement and returns the first column of its first row (SQLAlchemy's {@code scalar()}).
     *
     * @param statement the statement
     * @return the value, or null when there is no row
     */
    public Object scalar(Executable statement) {
        return execute(statement).scalar();
    }

    /**
     * Executes a statement with parameters and returns the first column of its first row.
     *
     * @param statement the statement
     * @param params values for its bind parameters
     * @return the value, or null when there is no row
     */
    public Object scalar(Executable statement, Map<String, ?> params) {
        return execute(statement, params).scalar();
    }

    /** A statement together with the parameters of one execution, for the per-row RETURNING fallback. */
    private record BoundExecutable(Executable statement, Map<String, ?> params) implements Executable {
        @Override
        public Compiled compile(Dialect d) {
            return statement.compile(d);
        }

        @Override
        public Object cacheKey() {
            return statement.cacheKey();
        }

        @Override
        public Map<String, Object> boundValues() {
            Map<String, Object> all = new java.util.HashMap<>(statement.boundValues());
            all.putAll(params);
            return all;
        }
    }

    private Result executeManyValues(List<Executable> batches) {
        Result first = null;
        List<Row> rows = new ArrayList<>();
        for (Executable batch : batches) {
            Result r = execute(batch, Map.of());
            if (first == null) {
                first = r;
            }
            rows.addAll(r.all());
        }
        return Result.ofRows(this, first, rows, rows.size());
    }

    private Compiled compile(Executable statement) {
        return engine.compiledCache().get(statement.cacheKey(), k -> statement.compile(dialect));
    }

    private Result executeBound(Compiled compiled, BoundStatement bound) {
        requireOpen();
        autobegin();
        echo(bound.sql(), bound.values());
        PreparedStatement ps = null;
        try {
            ps = prepare(compiled, bound.sql());
            bound.bindTo(ps);
            boolean hasRows = ps.execute();
            if (hasRows) {
                return new Result(this, compiled, ps, ps.getResultSet(), -1);
            }
            long count = ps.getLargeUpdateCount();
            List<Object> keys = generatedKeys(compiled, ps);
            ps.close();
            return Result.ofRowcount(this, count, keys);
        } catch (SQLException e) {
            closeQuietly(ps);
            throw translate(e, bound.sql(), bound.values());
        }
    }

    private Result executeBatch(Compiled compiled, List<BoundStatement> bounds, List<? extends Map<String, ?>> params) {
        requireOpen();
        autobegin();
        String sql = bounds.get(0).sql();
        echoMany(sql, bounds);
        PreparedStatement ps = null;
        try {
            ps = prepare(compiled, sql);
            long total = 0;
            boolean sameSql = true;
            for (BoundStatement b : bounds) {
                if (!b.sql().equals(sql)) {
                    sameSql = false;
                    break;
                }
            }
            if (!sameSql) {
                // expanding parameters gave different SQL per set: run them one by one
                closeQuietly(ps);
                for (BoundStatement b : bounds) {
                    try (PreparedStatement one = jdbc.prepareStatement(b.sql())) {
                        b.bindTo(one);
                        total += one.executeLargeUpdate();
                    }
                }
                return Result.ofRowcount(this, total, List.of());
            }
            for (BoundStatement b : bounds) {
                b.bindTo(ps);
                ps.addBatch();
            }
            long[] counts = ps.executeLargeBatch();
            boolean known = true;
            for (long c : counts) {
                if (c >= 0) {
                    total += c;
                } else {
                    known = false;
                }
            }
            List<Object> keys = generatedKeys(compiled, ps);
            ps.close();
            return Result.ofRowcount(this, known ? total : -1, keys);
        } catch (SQLException e) {
            closeQuietly(ps);
            throw translate(e, sql, params);
        }
    }

    private PreparedStatement prepare(Compiled compiled, String sql) throws SQLException {
        if (compiled.kind() == StatementKind.INSERT && !compiled.isReturning()) {
            return jdbc.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        }
        return jdbc.prepareStatement(sql);
    }

    private static List<Object> generatedKeys(Compiled compiled, PreparedStatement ps) throws SQLException {
        if (compiled.kind() != StatementKind.INSERT || compiled.isReturning()) {
            return List.of();
        }
        List<Object> keys = new ArrayList<>();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            while (rs != null && rs.next()) {
                keys.add(rs.getObject(1));
            }
        } catch (SQLException e) {
            // some drivers cannot report keys for some statements; the keys are then unknown
            return List.of();
        }
        return keys;
    }

    private void echo(String sql, Object[] values) {
        if (engine.echo()) {
            LOG.info("{}\n[parameters: {}]", sql, EchoFormat.params(values));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{}\n[parameters: {}]", sql, EchoFormat.params(values));
        }
    }

    private void echoMany(String sql, List<BoundStatement> bounds) {
        if (engine.echo() || LOG.isDebugEnabled()) {
            String text = EchoFormat.batch(bounds);
            if (engine.echo()) {
                LOG.info("{}\n[{} parameter sets: {}]", sql, bounds.size(), text);
            } else {
                LOG.debug("{}\n[{} parameter sets: {}]", sql, bounds.size(), text);
            }
        }
    }

    DBAPIException translate(SQLException e, String sql, Object params) {
        boolean disconnect = dialect.isDisconnect(e);
        if (disconnect) {
            invalidate();
        }
        return dialect.translate(e, sql, params, disconnect);
    }

    private static void closeQuietly(Statement st) {
        if (st != null) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }

    // ------------------------------------------------------------------ transactions

    private void autobegin() {
        if (transaction == null && !autocommit) {
            transaction = new Transaction(this, null);
            try {
                dialect.doBegin(jdbc);
            } catch (SQLException e) {
                transaction = null;
                throw translate(e, "BEGIN", null);
            }
        }
    }

    /**
     * Begins a transaction explicitly; commit or roll back the returned object, or close it to roll back.
     *
     * @return the transaction
     * @throws InvalidRequestException when a transaction is already in progress (use {@link #beginNested()})
     */
    public Transaction begin() {
        requireOpen();
        if (transaction != null) {
            throw new InvalidRequestException("This connection has already begun a transaction (explicitly, or "
                    + "automatically by an earlier execute); commit() or rollback() first, or use beginNested() "
                    + "for a SAVEPOINT");
        }
        autobegin();
        if (transaction == null) {
            // AUTOCOMMIT: a transaction object that only tracks state
            transaction = new Transaction(this, null);
        }
        return transaction;
    }

    /**
     * Opens a SAVEPOINT, beginning the enclosing transaction first if needed. Rolling the returned transaction
     * back undoes only what was done since it began.
     *
     * @return the nested transaction
     */
    public Transaction beginNested() {
        requireOpen();
        if (!dialect.supportsSavepoints()) {
            throw new InvalidRequestException(dialect.name() + " does not support SAVEPOINT");
        }
        autobegin();
        String name = "sa_savepoint_" + (++savepointCounter);
        try {
            dialect.doSavepoint(jdbc, name);
        } catch (SQLException e) {
            throw translate(e, "SAVEPOINT " + name, null);
        }
        Transaction t = new Transaction(this, name);
        nested.add(t);
        return t;
    }

    /** Commits the current transaction, if any ("commit as you go"). */
    public void commit() {
        requireOpen();
        if (transaction != null) {
            transaction.commit();
        }
    }

    /** Rolls back the current transaction, if any. */
    public void rollback() {
        requireOpen();
        if (transaction != null) {
            transaction.rollback();
        }
    }

    /** @return true when a transaction is in progress */
    public boolean inTransaction() {
        return transaction != null;
    }

    /** @return true when a SAVEPOINT is open */
    public boolean inNestedTransaction() {
        return !nested.isEmpty();
    }

    /** @return the current outer transaction, or null */
    public Transaction getTransaction() {
        return transaction;
    }

    void endRoot(Transaction t, boolean commit) {
        if (t != transaction) {
            return;
        }
        try {
            if (!autocommit && jdbc != null) {
                if (commit) {
                    dialect.doCommit(jdbc);
                } else {
                    dialect.doRollback(jdbc);
                }
            }
        } catch (SQLException e) {
            throw translate(e, commit ? "COMMIT" : "ROLLBACK", null);
        } finally {
            for (Transaction n : nested) {
                n.markInactive();
            }
            nested.clear();
            transaction = null;
        }
    }

    void endNested(Transaction t, boolean commit) {
        int i = nested.indexOf(t);
        if (i < 0) {
            return;
        }
        try {
            if (commit) {
                dialect.doReleaseSavepoint(jdbc, t.savepointName());
            } else {
                dialect.doRollbackToSavepoint(jdbc, t.savepointName());
            }
        } catch (SQLException e) {
            throw translate(e, (commit ? "RELEASE SAVEPOINT " : "ROLLBACK TO SAVEPOINT ") + t.savepointName(), null);
        } finally {
            while (nested.size() > i) {
                nested.remove(nested.size() - 1).markInactive();
            }
        }
    }

    // ------------------------------------------------------------------ options and state

    /**
     * Sets this connection's isolation level until it goes back to the pool (SQLAlchemy's
     * {@code execution_options(isolation_level=...)}). Must be called outside a transaction.
     *
     * @param level the level; {@link IsolationLevel#AUTOCOMMIT} turns transactions off
     * @return this connection
     */
    public Connection setIsolationLevel(IsolationLevel level) {
        requireOpen();
        if (transaction != null) {
            throw new InvalidRequestException("Cannot change the isolation level inside a transaction; commit() or "
                    + "rollback() first");
        }
        try {
            if (level == IsolationLevel.AUTOCOMMIT) {
                autocommit = true;
            } else {
                autocommit = false;
                dialect.setIsolationLevel(jdbc, level);
            }
            isolationLevel = level;
        } catch (SQLException e) {
            throw translate(e, null, null);
        }
        return this;
    }

    /**
     * Returns the isolation level in force: the one set on this connection, else the database's.
     *
     * @return the level
     */
    public IsolationLevel getIsolationLevel() {
        requireOpen();
        if (isolationLevel != null) {
            return isolationLevel;
        }
        try {
            return dialect.getIsolationLevel(jdbc);
        } catch (SQLException e) {
            throw translate(e, null, null);
        }
    }

    /** @return the engine this connection came from */
    public Engine engine() {
        return engine;
    }

    /** @return the engine's dialect */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The underlying JDBC connection, for what Retort does not wrap. Do not commit, roll back or close it
     * directly; use this connection's methods so Retort's transaction state stays true.
     *
     * @return the JDBC connection
     */
    public java.sql.Connection jdbcConnection() {
        requireOpen();
        return jdbc;
    }

    /** @return true once closed or invalidated */
    public boolean isClosed() {
        return closed;
    }

    /** @return true once the connection was invalidated */
    public boolean isInvalidated() {
        return jdbc == null && !closed;
    }

    /**
     * Discards the underlying JDBC connection (e.g. after a network failure): the pool closes it and this
     * connection cannot be used again.
     */
    public void invalidate() {
        if (jdbc != null) {
            engine.pool().invalidate(jdbc);
            jdbc = null;
            for (Transaction n : nested) {
                n.markInactive();
            }
            nested.clear();
            if (transaction != null) {
                transaction.markInactive();
                transaction = null;
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new ResourceClosedException("This connection is closed; check out a new one with engine.connect()");
        }
        if (jdbc == null) {
            throw new ResourceClosedException("This connection was invalidated after a connection failure; check out "
                    + "a new one with engine.connect()");
        }
    }

    /**
     * Rolls back any unfinished transaction and returns the connection to the pool.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (jdbc == null) {
            return;
        }
        try {
            if (transaction != null) {
                endRoot(transaction, false);
            }
            if (isolationLevel != null && isolationLevel != IsolationLevel.AUTOCOMMIT) {
                dialect.setIsolationLevel(jdbc, dialect.defaultIsolationLevel());
            }
            engine.pool().checkin(jdbc);
        } catch (RuntimeException | SQLException e) {
            engine.pool().invalidate(jdbc);
        } finally {
            jdbc = null;
        }
    }

    @Override
    public String toString() {
        return "Connection(" + engine.url() + (closed ? ", closed" : transaction != null ? ", in transaction" : "") + ")";
    }
}
