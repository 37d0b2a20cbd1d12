package org.retort.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.event.EngineEvents;
import org.retort.exc.ArgumentException;
import org.retort.exc.DBAPIException;
import org.retort.exc.InvalidRequestException;
import org.retort.exc.ResourceClosedException;
import org.retort.pool.ExternalTransaction;
import org.retort.sql.BoundStatement;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;
import org.retort.sql.Insert;
import org.retort.sql.internal.InsertManyValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One checked-out database connection (SQLAlchemy's {@code Connection}).
 *
 * <p>The first statement begins a transaction automatically; {@link #commit()} or {@link #rollback()} ends it
 * ("commit as you go"). {@link #begin()} starts one explicitly and {@link #beginNested()} opens a SAVEPOINT
 * inside it. {@link #close()} rolls back whatever is unfinished and returns the connection to the pool.
 *
 * <p>A transaction begins on the database only when something needs it: the first statement, a SAVEPOINT, or
 * {@link #jdbcConnection()}. One begun explicitly that never ran anything ends without a COMMIT or ROLLBACK
 * reaching the database, and so does the reset of a connection closed without one.
 *
 * <p>A connection is stateful and single-threaded: use it from one thread at a time.
 */
public final class Connection implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger(EchoOutput.LOGGER_NAME);

    private final Engine engine;
    private final Dialect dialect;
    private final EngineEvents events;
    private final Hooks hooks;
    private java.sql.Connection jdbc;
    /** Prepared statements kept for reuse while this connection is checked out. */
    private final StatementCache statements;
    private Transaction transaction;
    /**
     * True once the dialect's BEGIN ran for the current root transaction. A transaction begins on the server only
     * when something needs it to (a statement, a SAVEPOINT, the JDBC connection handed out); one that never did
     * ends, and the connection goes back to the pool, without a COMMIT or ROLLBACK.
     */
    private boolean begunOnServer;
    private final List<Transaction> nested = new ArrayList<>();
    private int savepointCounter;
    private boolean closed;
    private boolean invalidated;
    private boolean autocommit;
    private IsolationLevel originalIsolation;
    private ExecutionOptions options;
    /** Non-null when the JDBC connection is inside a transaction someone else owns (see ExternalTransaction). */
    private final ExternalTransaction external;

    Connection(Engine engine, java.sql.Connection jdbc) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.events = engine.events();
        this.hooks = new Hooks(engine, this);
        this.jdbc = jdbc;
        this.statements = new StatementCache(engine.statementCacheSize());
        this.options = ExecutionOptions.defaults();
        this.external = engine.pool().externalTransaction(jdbc);
        executionOptions(engine.getExecutionOptions());
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
        requireOpen();
        if (statement instanceof Insert i && i.returnDefaultsColumns() != null) {
            return ReturnDefaults.insert(this, i, List.of(params));
        }
        if (statement instanceof org.retort.sql.Update u && u.returnDefaultsColumns() != null) {
            return ReturnDefaults.update(this, u, List.of(params));
        }
        List<Map<String, ?>> sets = List.of(params);
        hooks.beforeExecute(statement, sets);
        Executable stmt = statement.forParameters(params);
        Compiled compiled = compile(stmt);
        BoundStatement bound = compiled.bind(stmt.boundValues(), params);
        Result result = executeBound(compiled, bound);
        hooks.afterExecute(statement, sets, result);
        return result;
    }

    /**
     * Executes a statement with options for this execution only, over the connection's (SQLAlchemy's
     * {@code connection.execute(stmt, params, execution_options=...)}), e.g. {@code yieldPer(1000)} to stream the
     * rows of one large SELECT from the server in batches while other statements keep the connection's options.
     *
     * @param statement the statement
     * @param params values for its bind parameters
     * @param statementOptions the options for this execution; an isolation level is not one (it belongs to the
     *     connection, see {@link #executionOptions(ExecutionOptions)})
     * @return its result
     */
    public Result execute(Executable statement, Map<String, ?> params, ExecutionOptions statementOptions) {
        Objects.requireNonNull(statementOptions, "statementOptions");
        if (statementOptions.isolationLevel().isPresent()) {
            throw new ArgumentException("An isolation level applies to a connection, not to one execution: set it "
                    + "with connection.executionOptions(...) or setIsolationLevel(...) before the transaction begins");
        }
        ExecutionOptions saved = options;
        options = saved.mergedWith(statementOptions);
        try {
            return execute(statement, params);
        } finally {
            options = saved;
        }
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
        requireOpen();
        if (statement instanceof Insert i && i.returnDefaultsColumns() != null) {
            return ReturnDefaults.insert(this, i, paramSets);
        }
        if (statement instanceof org.retort.sql.Update u && u.returnDefaultsColumns() != null) {
            return ReturnDefaults.update(this, u, paramSets);
        }
        Executable manyValuesBase = statement.manyValuesBase(paramSets, dialect);
        if (manyValuesBase != null) {
            Compiled compiled = compile(manyValuesBase);
            if (compiled.valuesRowParameters() >= 0) {
                if (!(statement instanceof Insert insert && insert.isSortByParameterOrder())) {
                    return executeManyValues(statement, manyValuesBase, compiled, paramSets);
                }
                Result sorted = SortedManyValues.execute(this, statement, (Insert) manyValuesBase, paramSets);
                if (sorted != null) {
                    return sorted;
                }
                hooks.log("[insertmanyvalues] " + ((Insert) statement).table().fullName() + " has no insert sentinel"
                        + " for RETURNING in parameter order on " + dialect.name() + " (no insertSentinel() column or "
                        + "client-supplied primary key, and no autoincrement key assigned in VALUES order); running "
                        + "one INSERT per parameter set");
            }
        }
        hooks.beforeExecute(statement, paramSets);
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
        Result result = executeBatch(compiled, bounds);
        hooks.afterExecute(statement, paramSets, result);
        return result;
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
        public Compiled compile(Dialect d, org.retort.sql.SchemaTranslateMap schemas) {
            return statement.compile(d, schemas);
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

    /** The per-row RETURNING fallback: each parameter set executed on its own, the rows gathered in order. */
    private Result executeManyValues(List<Executable> each) {
        Result first = null;
        List<Row> rows = new ArrayList<>();
        for (Executable one : each) {
            Result r = execute(one, Map.of());
            if (first == null) {
                first = r;
            }
            rows.addAll(r.all());
        }
        return Result.ofRows(this, first, rows, rows.size());
    }

    /**
     * insertmanyvalues: the single-row INSERT ... RETURNING compiled once, its VALUES row repeated for up to
     * {@link InsertManyValues#MAX_ROWS} parameter sets per statement (fewer when the dialect's bind parameter
     * limit says so). Statement listeners see one execution; cursor listeners and echo see each batch.
     */
    private Result executeManyValues(Executable statement, Executable base, Compiled compiled,
                                     List<? extends Map<String, ?>> paramSets) {
        hooks.beforeExecute(statement, paramSets);
        Map<String, Object> own = base.boundValues();
        int perRow = compiled.valuesRowParameters();
        int others = compiled.bindSlots().size() - perRow;
        int perStatement = perRow == 0 ? InsertManyValues.MAX_ROWS
                : Math.max(1, Math.min(InsertManyValues.MAX_ROWS, (dialect.sqlCompiler().maxBindParameters() - others) / perRow));
        Result first = null;
        List<Row> rows = new ArrayList<>(paramSets.size());
        for (int from = 0; from < paramSets.size(); from += perStatement) {
            int to = Math.min(paramSets.size(), from + perStatement);
            Result r = executeBound(compiled, compiled.bindRows(own, paramSets.subList(from, to), from));
            if (first == null) {
                first = r;
            }
            rows.addAll(r.all());
        }
        Result result = Result.ofRows(this, first, rows, rows.size());
        hooks.afterExecute(statement, paramSets, result);
        return result;
    }

    Hooks hooks() {
        return hooks;
    }

    Result executeCompiled(Compiled compiled, BoundStatement bound) {
        return executeBound(compiled, bound);
    }

    Compiled compile(Executable statement) {
        org.retort.sql.SchemaTranslateMap schemas = options.schemaTranslateMap();
        if (!schemas.isEmpty()) {
            if (!options.compiledCache()) {
                return statement.compile(dialect, schemas);
            }
            Object key = statement.cacheKey();
            return engine.compiledCache().get(key == null ? null : new TranslatedKey(key, schemas),
                    k -> statement.compile(dialect, schemas));
        }
        if (!options.compiledCache()) {
            return statement.compile(dialect);
        }
        return engine.compiledCache().get(statement.cacheKey(), k -> statement.compile(dialect));
    }

    /** The cache key of a statement compiled under a schema translation: the same statement, other SQL per map. */
    private record TranslatedKey(Object statementKey, org.retort.sql.SchemaTranslateMap schemas) {
    }

    private Result executeBound(Compiled compiled, BoundStatement bound) {
        if (compiled.hasOutParameters()) {
            return executeReturningInto(compiled, bound);
        }
        autobegin();
        beginOnServer();
        Object[] values = bound.values();
        // the hot path: listener arguments and echo text are built only when someone will see them
        List<List<Object>> sets = hooks.hasCursorListeners() ? List.of(listOf(values)) : List.of();
        String sql = hooks.beforeCursorExecute(bound.sql(), sets, false);
        if (hooks.echoing()) {
            hooks.echo(sql, EchoFormat.params(values));
        }
        PreparedStatement ps = null;
        try {
            boolean keys = GeneratedKeys.wanted(compiled, sql, false);
            ps = statements.take(jdbc, sql, keys);
            ps.setFetchSize(options.fetchSize()); // also resets a reused statement's
            bound.bindTo(ps);
            boolean hasRows = ps.execute();
            hooks.afterCursorExecute(sql, sets, false);
            if (hasRows) {
                return new Result(this, compiled, ps, ps.getResultSet(), -1);
            }
            long count = ps.getLargeUpdateCount();
            List<Object> generated = keys ? GeneratedKeys.read(ps) : List.of();
            statements.release(ps);
            return Result.ofRowcount(this, count, generated);
        } catch (SQLException e) {
            statements.discard(ps);
            throw translate(e, sql, values);
        } catch (RuntimeException e) {
            statements.discard(ps); // a value its binder refused: the statement may hold some parameters
            throw e;
        }
    }

    /**
     * A statement whose returned values come back in OUT parameters (Oracle's {@code RETURNING ... INTO ?}): it
     * runs as the dialect's callable form ({@link Dialect#returningIntoCall(String)}), whose last OUT parameter is
     * the count of rows changed; the OUT binders of the compiled statement register the returned values, which
     * become one row, or none when no row was changed.
     */
    private Result executeReturningInto(Compiled compiled, BoundStatement bound) {
        autobegin();
        Object[] values = bound.values();
        List<List<Object>> sets = hooks.hasCursorListeners() ? List.of(listOf(values)) : List.of();
        String sql = dialect.returningIntoCall(hooks.beforeCursorExecute(bound.sql(), sets, false));
        if (hooks.echoing()) {
            hooks.echo(sql, EchoFormat.params(values));
        }
        try (java.sql.CallableStatement call = jdbc.prepareCall(sql)) {
            bound.bindTo(call);
            int countIndex = values.length + 1;
            call.registerOutParameter(countIndex, java.sql.Types.BIGINT);
            call.execute();
            hooks.afterCursorExecute(sql, sets, false);
            long count = call.getLong(countIndex);
            int[] outs = compiled.outParameters();
            List<Object[]> rows = new ArrayList<>(1);
            if (count > 0) {
                Object[] row = new Object[outs.length];
                for (int i = 0; i < outs.length; i++) {
                    Class<?> type = compiled.bindSlots().get(outs[i]).type().javaType();
                    row[i] = type == Object.class ? call.getObject(outs[i] + 1) : call.getObject(outs[i] + 1, type);
                }
                rows.add(row);
            }
            return Result.ofReturnedValues(this, compiled, rows, count);
        } catch (SQLException e) {
            throw translate(e, sql, values);
        }
    }

    private Result executeBatch(Compiled compiled, List<BoundStatement> bounds) {
        autobegin();
        beginOnServer();
        // a view, built on demand: listeners and error messages read it, the batch itself does not
        List<List<Object>> sets = new java.util.AbstractList<>() {
            @Override
            public List<Object> get(int index) {
                return listOf(bounds.get(index).values());
            }

            @Override
            public int size() {
                return bounds.size();
            }
        };
        String first = bounds.get(0).sql();
        boolean sameSql = true;
        for (BoundStatement b : bounds) {
            if (!b.sql().equals(first)) {
                sameSql = false;
                break;
            }
        }
        if (!sameSql) {
            // expanding parameters gave different SQL per set: run them one by one
            long total = 0;
            for (BoundStatement b : bounds) {
                Result one = executeBound(compiled, b);
                total += Math.max(0, one.rowcount());
            }
            return Result.ofRowcount(this, total, List.of());
        }
        String sql = hooks.beforeCursorExecute(first, sets, true);
        if (hooks.echoing()) {
            hooks.echo(sql, EchoFormat.batch(bounds));
        }
        PreparedStatement ps = null;
        try {
            boolean keys = GeneratedKeys.wanted(compiled, sql, true);
            ps = statements.take(jdbc, sql, keys);
            for (BoundStatement b : bounds) {
                b.bindTo(ps);
                ps.addBatch();
            }
            // executeBatch, not executeLargeBatch: pgJDBC 42.7 runs the "large" variant about 3x slower
            int[] counts = ps.executeBatch();
            hooks.afterCursorExecute(sql, sets, true);
            long total = 0;
            boolean known = true;
            for (int c : counts) {
                if (c >= 0) {
                    total += c;
                } else {
                    known = false;
                }
            }
            List<Object> generated = keys ? GeneratedKeys.read(ps) : List.of();
            statements.release(ps);
            return Result.ofRowcount(this, known ? total : -1, generated);
        } catch (SQLException e) {
            statements.discard(ps);
            throw translate(e, sql, sets);
        } catch (RuntimeException e) {
            statements.discard(ps); // a value its binder refused: the batch may hold some rows
            throw e;
        }
    }

    /** A read-only view of positional values for listeners; values may be null, which List.of refuses. */
    private static List<Object> listOf(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Takes back the statement of a result that was closed: kept for reuse, or closed. */
    void releaseStatement(java.sql.Statement statement) throws SQLException {
        if (statement instanceof PreparedStatement ps && jdbc != null) {
            statements.release(ps);
        } else {
            statement.close();
        }
    }

    RuntimeException translate(SQLException e, String sql, Object params) {
        boolean disconnect = dialect.isDisconnect(e);
        if (disconnect) {
            invalidate(e);
        }
        return Hooks.handleError(engine, this, e, sql, params, disconnect);
    }

    // ------------------------------------------------------------------ transactions

    private void autobegin() {
        if (transaction == null && external != null) {
            transaction = new Transaction(this, null);
            hooks.log("BEGIN (joined " + external.description() + ")");
            hooks.transaction(events.beginListeners());
        } else if (transaction == null && !autocommit) {
            transaction = new Transaction(this, null);
            hooks.log("BEGIN (implicit)");
            hooks.transaction(events.beginListeners());
        }
    }

    /**
     * Runs the dialect's BEGIN for a root transaction that has not yet begun on the server: right before the
     * first statement, SAVEPOINT or hand-out of the JDBC connection. (pgJDBC and the MariaDB driver defer their
     * own BEGIN to the first statement in the same way.)
     */
    private void beginOnServer() {
        if (transaction == null || begunOnServer || external != null || autocommit) {
            return;
        }
        try {
            dialect.doBegin(jdbc);
        } catch (SQLException e) {
            throw translate(e, "BEGIN", null);
        }
        begunOnServer = true;
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
            hooks.log("BEGIN (implicit; DBAPI should not BEGIN due to autocommit mode)");
            transaction = new Transaction(this, null);
            hooks.transaction(events.beginListeners());
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
        if (autocommit) {
            throw new InvalidRequestException("SAVEPOINT needs a transaction, and this connection is in AUTOCOMMIT "
                    + "mode; set another isolation level first");
        }
        autobegin();
        beginOnServer();
        String name = "sa_savepoint_" + (++savepointCounter);
        hooks.log("SAVEPOINT " + name);
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

    /** Rolls back the current transaction, if any; does nothing on a connection already invalidated. */
    public void rollback() {
        if (invalidated) {
            return;
        }
        requireOpen();
        if (transaction != null) {
            transaction.rollback();
        }
    }

    /** {@return true when a transaction is in progress} */
    public boolean inTransaction() {
        return transaction != null;
    }

    /** {@return true when a SAVEPOINT is open} */
    public boolean inNestedTransaction() {
        return !nested.isEmpty();
    }

    /** {@return the current outer transaction, or null} */
    public Transaction getTransaction() {
        return transaction;
    }

    /** {@return the innermost open SAVEPOINT transaction, or null} */
    public Transaction getNestedTransaction() {
        return nested.isEmpty() ? null : nested.get(nested.size() - 1);
    }

    void endRoot(Transaction t, boolean commit) {
        if (t != transaction) {
            return;
        }
        try {
            if (external != null) {
                if (commit) {
                    hooks.log("COMMIT (left to the " + external.description() + ")");
                } else {
                    hooks.log("ROLLBACK (" + external.description() + " marked rollback-only)");
                    external.setRollbackOnly();
                }
            } else if (autocommit) {
                hooks.log(commit ? "COMMIT using DBAPI connection.commit(), DBAPI should ignore due to autocommit mode"
                        : "ROLLBACK using DBAPI connection.rollback(), DBAPI should ignore due to autocommit mode");
            } else if (jdbc != null && begunOnServer) {
                hooks.log(commit ? "COMMIT" : "ROLLBACK");
                if (commit) {
                    dialect.doCommit(jdbc);
                } else {
                    dialect.doRollback(jdbc);
                }
            }
        } catch (SQLException e) {
            throw commit ? commitFailed(e) : translate(e, "ROLLBACK", null);
        } finally {
            for (Transaction n : nested) {
                n.markInactive();
            }
            nested.clear();
            transaction = null;
            begunOnServer = false;
        }
        hooks.transaction(commit ? events.commitListeners() : events.rollbackListeners());
    }

    /**
     * A COMMIT that failed because the connection was lost may or may not have been applied: the server can have
     * committed and died before answering. Such a failure becomes SQLSTATE 08007 ("transaction resolution
     * unknown"), an {@link org.retort.exc.OperationalError} flagged as a disconnect, with the driver's error as its
     * cause; any other COMMIT failure (a deferred constraint, a serialization failure) is translated as it is.
     */
    private RuntimeException commitFailed(SQLException e) {
        boolean lost = dialect.isDisconnect(e);
        if (!lost) {
            try {
                lost = jdbc.isClosed() || !jdbc.isValid(2);
            } catch (SQLException | RuntimeException probe) {
                lost = true;
            }
        }
        if (!lost) {
            return translate(e, "COMMIT", null);
        }
        SQLException unknown = new SQLException("The connection was lost during COMMIT, so whether the transaction "
                + "was committed is unknown: it may have been applied. Check for its effects before running it again "
                + "(the driver said: " + e.getMessage() + ")", DBAPIException.COMMIT_OUTCOME_UNKNOWN, e);
        return translate(unknown, "COMMIT", null);
    }

    void endNested(Transaction t, boolean commit) {
        int i = nested.indexOf(t);
        if (i < 0) {
            return;
        }
        String sql = (commit ? "RELEASE SAVEPOINT " : "ROLLBACK TO SAVEPOINT ") + t.savepointName();
        hooks.log(sql);
        try {
            if (commit) {
                dialect.doReleaseSavepoint(jdbc, t.savepointName());
            } else {
                dialect.doRollbackToSavepoint(jdbc, t.savepointName());
            }
        } catch (SQLException e) {
            throw translate(e, sql, null);
        } finally {
            while (nested.size() > i) {
                nested.remove(nested.size() - 1).markInactive();
            }
        }
    }

    // ------------------------------------------------------------------ options and state

    /**
     * Adds execution options for this connection from now on (SQLAlchemy's
     * {@code Connection.execution_options()}); an isolation level takes effect at once and lasts until the
     * connection goes back to the pool, so it must be set outside a transaction.
     *
     * @param more the options; what they set wins over the connection's current options
     * @return this connection
     */
    public Connection executionOptions(ExecutionOptions more) {
        Objects.requireNonNull(more, "options");
        more.isolationLevel().ifPresent(this::setIsolationLevel);
        options = options.mergedWith(more);
        return this;
    }

    /** {@return the execution options in force on this connection} */
    public ExecutionOptions getExecutionOptions() {
        return options;
    }

    /**
     * Sets this connection's isolation level until it goes back to the pool (SQLAlchemy's
     * {@code execution_options(isolation_level=...)}). Must be called outside a transaction.
     *
     * @param level the level; {@link IsolationLevel#AUTOCOMMIT} turns transactions off
     * @return this connection
     * @throws ArgumentException when the database does not support the level
     */
    public Connection setIsolationLevel(IsolationLevel level) {
        requireOpen();
        Objects.requireNonNull(level, "level");
        if (transaction != null) {
            throw new InvalidRequestException("Cannot change the isolation level inside a transaction; commit() or "
                    + "rollback() first");
        }
        if (!dialect.supportedIsolationLevels().contains(level)) {
            throw new ArgumentException("Isolation level " + level + " is not supported by " + dialect.name()
                    + "; use one of " + dialect.supportedIsolationLevels());
        }
        try {
            if (level == IsolationLevel.AUTOCOMMIT) {
                autocommit = true;
            } else {
                if (originalIsolation == null) {
                    originalIsolation = dialect.getIsolationLevel(jdbc);
                }
                dialect.setIsolationLevel(jdbc, level);
                autocommit = false;
            }
        } catch (SQLException e) {
            throw translate(e, null, null);
        }
        options = options.mergedWith(ExecutionOptions.defaults().isolationLevel(level));
        return this;
    }

    /**
     * Returns the isolation level in force, asking the database (SQLAlchemy's {@code get_isolation_level()});
     * {@link IsolationLevel#AUTOCOMMIT} when transactions are off.
     *
     * @return the level
     */
    public IsolationLevel getIsolationLevel() {
        requireOpen();
        if (autocommit) {
            return IsolationLevel.AUTOCOMMIT;
        }
        try {
            return dialect.getIsolationLevel(jdbc);
        } catch (SQLException e) {
            throw translate(e, null, null);
        }
    }

    /** {@return the engine this connection came from} */
    public Engine engine() {
        return engine;
    }

    /** {@return the engine's dialect} */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The underlying JDBC connection, for what Retort does not wrap. Do not commit, roll back or close it
     * directly; use this connection's methods so Retort's transaction state stays true. When a transaction is in
     * progress but has not yet begun on the database (nothing ran in it), it begins there now, so that what runs
     * on the returned connection belongs to it.
     *
     * @return the JDBC connection
     */
    public java.sql.Connection jdbcConnection() {
        requireOpen();
        beginOnServer(); // what the caller runs on it belongs to the transaction already begun here
        return jdbc;
    }

    /** {@return true once closed or invalidated} */
    public boolean isClosed() {
        return closed || invalidated;
    }

    /** {@return true once the connection was invalidated} */
    public boolean isInvalidated() {
        return invalidated;
    }

    /**
     * Discards the underlying JDBC connection (e.g. after a network failure): the pool closes it and this
     * connection cannot be used again.
     */
    public void invalidate() {
        invalidate(null);
    }

    private void invalidate(Throwable disconnect) {
        if (jdbc == null) {
            return;
        }
        java.sql.Connection raw = jdbc;
        statements.closeIdle();
        jdbc = null;
        invalidated = true;
        for (Transaction n : nested) {
            n.markInactive();
        }
        nested.clear();
        if (transaction != null) {
            transaction.markInactive();
            transaction = null;
        }
        begunOnServer = false;
        engine.pool().invalidate(raw, disconnect);
        if (disconnect != null) {
            engine.pool().invalidateAll();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new ResourceClosedException("This Connection is closed; check out a new one with engine.connect() "
                    + "(and keep using a connection only inside its try-with-resources block)");
        }
        if (invalidated) {
            throw new ResourceClosedException("This Connection was invalidated after a connection failure; check out "
                    + "a new one with engine.connect()");
        }
    }

    /**
     * Ends any unfinished transaction as the engine's {@link org.retort.pool.ResetOnReturn} says (roll back by
     * default) and returns the connection to the pool.
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
        RuntimeException commitFailure = null;
        try {
            if (transaction != null && external != null) {
                // the owner of the transaction decides its fate; closing only gives the connection back
                for (Transaction n : nested) {
                    n.markInactive();
                }
                nested.clear();
                transaction.markInactive();
                transaction = null;
            } else if (transaction != null) {
                switch (engine.resetOnReturn()) {
                    case ROLLBACK -> endRoot(transaction, false);
                    case COMMIT -> {
                        try {
                            endRoot(transaction, true);
                        } catch (RuntimeException e) {
                            commitFailure = e;
                            throw e;
                        }
                    }
                    case NONE -> {
                        for (Transaction n : nested) {
                            n.markInactive();
                        }
                        nested.clear();
                        transaction.markInactive();
                        transaction = null;
                        begunOnServer = false;
                    }
                }
            }
            if (originalIsolation != null && jdbc != null) {
                dialect.setIsolationLevel(jdbc, originalIsolation);
            }
            statements.closeIdle();
            if (jdbc != null) {
                engine.pool().checkin(jdbc);
            }
        } catch (RuntimeException | SQLException e) {
            if (jdbc != null) {
                engine.pool().invalidate(jdbc, e);
            }
            if (commitFailure != null) {
                throw commitFailure;
            }
        } finally {
            jdbc = null;
        }
    }

    @Override
    public String toString() {
        return "Connection(" + engine.url() + (closed ? ", closed" : invalidated ? ", invalidated"
                : transaction != null ? ", in transaction" : "") + ")";
    }
}
