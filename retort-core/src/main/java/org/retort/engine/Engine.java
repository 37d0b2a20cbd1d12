package org.retort.engine;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.retort.dialect.Dialect;
import org.retort.dialect.Dialects;
import org.retort.dialect.PoolKind;
import org.retort.pool.ConnectionFactory;
import org.retort.pool.NullPool;
import org.retort.pool.Pool;
import org.retort.pool.QueuePool;
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
 * its pooled connections.
 */
public final class Engine implements AutoCloseable {
    private final URL url;
    private final Dialect dialect;
    private final Pool pool;
    private final EngineBuilder settings;
    private final CompiledCache compiledCache;

    Engine(EngineBuilder b) {
        this.url = b.url;
        this.settings = b;
        this.dialect = b.dialect != null ? b.dialect : Dialects.forUrl(b.url);
        dialect.loadDriver();
        this.compiledCache = new CompiledCache(b.compiledCacheSize);
        this.pool = b.pool != null ? b.pool : createPool(b);
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
        ConnectionFactory factory = b.creator != null ? b.creator : () -> DriverManager.getConnection(jdbcUrl, props);
        PoolKind kind = b.poolKind != null ? b.poolKind : dialect.defaultPool(url);
        return switch (kind) {
            case NULL -> new NullPool(factory);
            case STATIC -> new StaticPool(factory);
            case SINGLETON_THREAD -> new SingletonThreadPool(factory);
            case QUEUE -> new QueuePool(jdbcUrl, props, dialect.driverClassName(), b.poolSize, b.maxOverflow,
                    b.poolTimeout, b.poolRecycle);
        };
    }

    /**
     * Checks out a connection. Close it (try-with-resources) to return it to the pool; an unfinished
     * transaction is rolled back then.
     *
     * @return a new connection
     */
    public Connection connect() {
        java.sql.Connection raw;
        try {
            raw = pool.checkout();
        } catch (SQLException e) {
            throw dialect.translate(e, null, null, dialect.isDisconnect(e));
        }
        try {
            dialect.initialize(raw);
        } catch (SQLException e) {
            pool.invalidate(raw);
            throw dialect.translate(e, null, null, dialect.isDisconnect(e));
        }
        return new Connection(this, raw);
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

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the pool */
    public Pool pool() {
        return pool;
    }

    /** @return the URL, whose {@code toString()} masks the password */
    public URL url() {
        return url;
    }

    /** @return true when SQL echo is on */
    public boolean echo() {
        return settings.echo;
    }

    /** @return the isolation level new connections get, or null for the database's default */
    public IsolationLevel isolationLevel() {
        return settings.isolationLevel;
    }

    /** @return the compiled-statement cache */
    public CompiledCache compiledCache() {
        return compiledCache;
    }

    /** @return the checkout timeout */
    public Duration poolTimeout() {
        return settings.poolTimeout;
    }

    /**
     * Closes every pooled connection. The engine stays usable: later checkouts open new connections.
     */
    public void dispose() {
        pool.dispose();
    }

    /** Same as {@link #dispose()}, for try-with-resources. */
    @Override
    public void close() {
        dispose();
    }

    @Override
    public String toString() {
        return "Engine(" + url + ")";
    }
}
