package org.retort.engine;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.retort.dialect.Dialect;
import org.retort.dialect.Dialects;
import org.retort.dialect.PoolKind;
import org.retort.event.EngineEvents;
import org.retort.exc.ArgumentException;
import org.retort.pool.ConnectionFactory;
import org.retort.pool.NullPool;
import org.retort.pool.Pool;
import org.retort.pool.PoolOptions;
import org.retort.pool.QueuePool;
import org.retort.pool.ResetOnReturn;
import org.retort.pool.SingletonThreadPool;
import org.retort.pool.StaticPool;

/**
 * The starting point: a {@link Dialect} and a {@link Pool} for one database, handing out {@link Connection}s
 * (SQLAlchemy's {@code Engine}).
 *
 * <pre>{@code
 * Engine engine = Engine.create("sqlite:///app.db");
 * Engine pg = Engine.builder("postgresql://scott:tiger@localhost/test").echo(true).poolSize(10).build();
 * try (Connection conn = engine.connect()) { ... }
 * engine.begin(conn -> conn.execute(text("INSERT ...")));   // commits, or rolls back on exception
 * }</pre>
 *
 * <p>Create one engine per database per application and share it; it is thread-safe. {@link #dispose()} closes
 * its pooled connections. {@link #executionOptions(ExecutionOptions)} gives a copy with other options that
 * shares this engine's pool, dialect, cache and event listeners.
 */
public final class Engine implements AutoCloseable {
    private final URL url;
    private final Dialect dialect;
    private final Pool pool;
    private final CompiledCache compiledCache;
    private final EngineEvents events;
    private final ExecutionOptions options;
    private final boolean echo;
    private final boolean echoRows;
    private final List<Consumer<String>> echoSinks;
    private final ResetOnReturn resetOnReturn;
    private final Duration poolTimeout;
    private final boolean hideParameters;
    private final int statementCacheSize;
    /** Shared with the copies made by executionOptions, which close with it. */
    private final java.util.concurrent.atomic.AtomicBoolean closed;

    Engine(EngineBuilder b) {
        this.closed = new java.util.concurrent.atomic.AtomicBoolean();
        this.url = b.url;
        this.dialect = b.dialect != null ? b.dialect : Dialects.forUrl(b.url);
        dialect.loadDriver();
        this.compiledCache = new CompiledCache(b.compiledCacheSize);
        this.events = new EngineEvents();
        ExecutionOptions opts = b.executionOptions;
        if (b.isolationLevel != null && opts.isolationLevel().isEmpty()) {
            opts = opts.isolationLevel(b.isolationLevel);
        }
        this.options = opts;
        this.echo = b.echo;
        this.echoRows = b.echo && b.echoRows;
        this.echoSinks = List.copyOf(b.echoSinks);
        this.resetOnReturn = b.resetOnReturn;
        this.poolTimeout = b.poolTimeout;
        this.hideParameters = b.hideParameters;
        this.statementCacheSize = b.statementCacheSize;
        this.pool = b.pool != null ? b.pool : createPool(b);
    }

    private Engine(Engine parent, ExecutionOptions options) {
        this.closed = parent.closed;
        this.url = parent.url;
        this.dialect = parent.dialect;
        this.pool = parent.pool;
        this.compiledCache = parent.compiledCache;
        this.events = parent.events;
        this.options = options;
        this.echo = parent.echo;
        this.echoRows = parent.echoRows;
        this.echoSinks = parent.echoSinks;
        this.resetOnReturn = parent.resetOnReturn;
        this.poolTimeout = parent.poolTimeout;
        this.hideParameters = parent.hideParameters;
        this.statementCacheSize = parent.statementCacheSize;
    }

    /**
     * Creates an engine with default settings.
     *
     * @param url a SQLAlchemy-style URL or a {@code jdbc:} URL
     * @return the engine
     */
    public static Engine create(String url) {
        return builder(url).build();
    }

    /**
     * Creates an engine with default settings.
     *
     * @param url the URL
     * @return the engine
     */
    public static Engine create(URL url) {
        return builder(url).build();
    }

    /**
     * Starts configuring an engine.
     *
     * @param url a SQLAlchemy-style URL or a {@code jdbc:} URL
     * @return the builder
     */
    public static EngineBuilder builder(String url) {
        return new EngineBuilder(URL.parse(url));
    }

    /**
     * Starts configuring an engine.
     *
     * @param url the URL
     * @return the builder
     */
    public static EngineBuilder builder(URL url) {
        return new EngineBuilder(Objects.requireNonNull(url, "url"));
    }

    private Pool createPool(EngineBuilder b) {
        String jdbcUrl = dialect.jdbcUrl(url);
        Properties props = dialect.connectProperties(url);
        props.putAll(b.connectArgs);
        List<String> secrets = new ArrayList<>(Credentials.secrets(url));
        props.forEach((k, v) -> {
            if (Credentials.isSensitiveKey(k.toString()) && v.toString().length() >= 3) {
                secrets.add(v.toString());
            }
        });
        ConnectionFactory factory = b.creator != null ? b.creator : () -> {
            try {
                return DriverManager.getConnection(jdbcUrl, props);
            } catch (SQLException e) {
                throw Credentials.scrub(e, secrets); // drivers quote the URL they were given, password and all
            }
        };
        PoolKind kind = b.poolKind != null ? b.poolKind : dialect.defaultPool(url);
        if (!b.hikariSettings.isEmpty() && kind != PoolKind.QUEUE) {
            throw new ArgumentException("HikariCP settings (leakDetectionThreshold, connectionInitSql, "
                    + "poolMetricsTracker, hikari) apply to a QueuePool, and this engine's pool is " + kind
                    + ": use poolClass(PoolKind.QUEUE), or drop those settings");
        }
        PoolOptions po = new PoolOptions(b.poolSize, b.maxOverflow, b.poolTimeout, b.poolRecycle, b.poolPrePing,
                dialect::ping, events.pool());
        return switch (kind) {
            case NULL -> new NullPool(factory, po);
            case STATIC -> new StaticPool(factory, po);
            case SINGLETON_THREAD -> new SingletonThreadPool(factory, po);
            case QUEUE -> new QueuePool(factory, po, config -> b.hikariSettings.forEach(s -> s.accept(config)));
        };
    }

    /**
     * Checks out a connection. Close it (try-with-resources) to return it to the pool; an unfinished
     * transaction is rolled back then.
     *
     * @return a new connection
     */
    public Connection connect() {
        if (closed.get()) {
            throw new org.retort.exc.ResourceClosedException("This Engine (" + url + ") is closed: close() was called. "
                    + "Create a new Engine; to drop pooled connections and keep using an engine, call dispose() instead");
        }
        java.sql.Connection raw;
        try {
            raw = pool.checkout();
        } catch (SQLException e) {
            throw Hooks.handleError(this, null, e, null, null, dialect.isDisconnect(e));
        }
        try {
            dialect.initialize(raw);
        } catch (SQLException e) {
            pool.invalidate(raw, e);
            throw Hooks.handleError(this, null, e, null, null, dialect.isDisconnect(e));
        }
        try {
            return new Connection(this, raw);
        } catch (RuntimeException e) {
            pool.invalidate(raw, e); // its settings may be half applied
            throw e;
        }
    }

    /**
     * Runs work in a transaction on a new connection: commits when the work returns, rolls back when it throws
     * (SQLAlchemy's {@code with engine.begin() as conn:}, "begin once").
     *
     * @param work what to do with the connection
     */
    public void begin(Consumer<Connection> work) {
        inTransaction(conn -> {
            work.accept(conn);
            return null;
        });
    }

    /**
     * Like {@link #begin(Consumer)}, returning the work's value.
     *
     * @param work what to do with the connection
     * @param <T> the value's type
     * @return what the work returned
     */
    public <T> T inTransaction(Function<Connection, T> work) {
        try (Connection conn = connect()) {
            Transaction tx = conn.begin();
            T value;
            try {
                value = work.apply(conn);
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
            if (tx.isActive()) {
                tx.commit();
            }
            return value;
        }
    }

    /**
     * Runs work in a transaction as {@link #inTransaction(Function)} does, on a new connection per attempt, and
     * runs it again while it fails with an error the policy says is safe to retry (serialization failure,
     * deadlock, a connection lost before COMMIT); see {@link Retry}. The work must not commit or roll back itself.
     *
     * <pre>{@code
     * engine.transaction(Retry.defaults(), conn -> conn.execute(update(account).set(...).where(...)).rowcount());
     * }</pre>
     *
     * @param retry the policy: which failures, how many attempts, what backoff
     * @param work the transaction's statements
     * @param <T> the value's type
     * @return what the successful attempt returned
     */
    public <T> T transaction(Retry retry, Function<Connection, T> work) {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(work, "work");
        return retry.run(() -> inTransaction(work));
    }

    /**
     * Returns a copy of this engine whose connections start with further execution options (SQLAlchemy's
     * {@code Engine.execution_options()}); the copy shares this engine's pool, dialect, compiled cache and
     * listeners, so it is cheap, and disposing either disposes the shared pool.
     *
     * @param more the options to add; they win over this engine's
     * @return the engine copy
     */
    public Engine executionOptions(ExecutionOptions more) {
        return new Engine(this, options.mergedWith(Objects.requireNonNull(more, "options")));
    }

    /** {@return the execution options new connections of this engine start with} */
    public ExecutionOptions getExecutionOptions() {
        return options;
    }

    /** {@return the event listeners of this engine and its pool} */
    public EngineEvents events() {
        return events;
    }

    /** {@return the dialect} */
    public Dialect dialect() {
        return dialect;
    }

    /** {@return the pool} */
    public Pool pool() {
        return pool;
    }

    /** {@return the URL, whose {@code toString()} masks the password} */
    public URL url() {
        return url;
    }

    /** {@return true when SQL echo is on} */
    public boolean echo() {
        return echo;
    }

    /** {@return true when the echo also shows result rows ({@code echo("debug")})} */
    public boolean echoRows() {
        return echoRows;
    }

    /** {@return the isolation level new connections get, or null for the database's default} */
    public IsolationLevel isolationLevel() {
        return options.isolationLevel().orElse(null);
    }

    /** {@return true when parameter values are kept out of the echo and exception messages} */
    public boolean hideParameters() {
        return hideParameters;
    }

    /** {@return how many prepared statements a checked-out connection keeps for reuse} */
    public int statementCacheSize() {
        return statementCacheSize;
    }

    /** {@return what closing a connection does with an unfinished transaction} */
    public ResetOnReturn resetOnReturn() {
        return resetOnReturn;
    }

    /** {@return the compiled-statement cache} */
    public CompiledCache compiledCache() {
        return compiledCache;
    }

    /** {@return the checkout timeout} */
    public Duration poolTimeout() {
        return poolTimeout;
    }

    void echoLine(String line) {
        EchoOutput.info(Connection.LOG, line);
        for (Consumer<String> sink : echoSinks) {
            sink.accept(line);
        }
    }

    void echoRowLine(String line) {
        EchoOutput.debug(Connection.LOG, line);
        for (Consumer<String> sink : echoSinks) {
            sink.accept(line);
        }
    }

    /**
     * Closes every pooled connection (SQLAlchemy's {@code Engine.dispose()}). The engine stays usable: later
     * checkouts open new connections. With a {@code QueuePool}, connections checked out now keep working and are
     * closed when they are returned; the other pools close theirs at once.
     */
    public void dispose() {
        pool.dispose();
    }

    /**
     * Closes the engine for good: its pooled connections are closed as by {@link #dispose()}, and
     * {@link #connect()} (and everything built on it) then throws {@link org.retort.exc.ResourceClosedException}.
     * Connections checked out before keep working until they are closed. The copies made by
     * {@link #executionOptions(ExecutionOptions)} share the pool and close with it. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.dispose();
        }
    }

    /** {@return true after {@link #close()}} */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "Engine(" + url + ")";
    }
}
