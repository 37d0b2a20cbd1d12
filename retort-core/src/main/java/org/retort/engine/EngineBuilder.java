package org.retort.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.retort.dialect.Dialect;
import org.retort.dialect.PoolKind;
import org.retort.exc.ArgumentException;
import org.retort.pool.ConnectionFactory;
import org.retort.pool.Pool;
import org.retort.pool.ResetOnReturn;

/**
 * Configures an {@link Engine} (SQLAlchemy's {@code create_engine} keyword arguments). Obtain one with
 * {@link Engine#builder(String)}; every setter returns the builder; {@link #build()} creates the engine.
 */
public final class EngineBuilder {
    final URL url;
    boolean echo;
    boolean echoRows;
    int poolSize = 5;
    int maxOverflow = 10;
    Duration poolTimeout = Duration.ofSeconds(30);
    Duration poolRecycle;
    boolean poolPrePing;
    PoolKind poolKind;
    Pool pool;
    ConnectionFactory creator;
    Dialect dialect;
    IsolationLevel isolationLevel;
    int compiledCacheSize = 500;
    final Properties connectArgs = new Properties();
    ResetOnReturn resetOnReturn = ResetOnReturn.ROLLBACK;
    boolean hideParameters;
    int statementCacheSize = 32;
    ExecutionOptions executionOptions = ExecutionOptions.defaults();
    final List<Consumer<String>> echoSinks = new ArrayList<>();
    final List<Consumer<HikariConfig>> hikariSettings = new ArrayList<>();

    EngineBuilder(URL url) {
        this.url = url;
    }

    /**
     * Echoes every statement, its parameters and each BEGIN, COMMIT and ROLLBACK (SQLAlchemy's {@code echo=True}):
     * at INFO on logger {@code org.retort.engine} when an SLF4J provider logs that logger at INFO, and otherwise
     * on standard output, so the echo is visible with no logging set up at all.
     *
     * @param on true to echo
     * @return this builder
     */
    public EngineBuilder echo(boolean on) {
        this.echo = on;
        this.echoRows = false;
        return this;
    }

    /**
     * Sets the echo by name, as SQLAlchemy's {@code echo} accepts {@code "debug"}: {@code "debug"} echoes
     * statements and also every result row (at DEBUG, or on standard output when SLF4J does not log DEBUG there);
     * {@code "true"} or {@code "info"} is {@link #echo(boolean) echo(true)}; {@code "false"} or {@code "off"}
     * turns it off. Handy for a configuration property such as Spring's {@code retort.echo}.
     *
     * @param mode {@code "debug"}, {@code "info"}, {@code "true"}, {@code "false"} or {@code "off"} (any case)
     * @return this builder
     * @throws ArgumentException for any other value
     */
    public EngineBuilder echo(String mode) {
        Objects.requireNonNull(mode, "mode");
        switch (mode.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "debug" -> {
                this.echo = true;
                this.echoRows = true;
            }
            case "true", "info" -> echo(true);
            case "false", "off" -> echo(false);
            default -> throw new ArgumentException("echo must be \"debug\", \"info\", \"true\", \"false\" or "
                    + "\"off\", got \"" + mode + "\"");
        }
        return this;
    }

    /**
     * Connections a {@code QueuePool} keeps open (default 5; 0 for no limit).
     *
     * @param size the pool size, at least 0
     * @return this builder
     */
    public EngineBuilder poolSize(int size) {
        if (size < 0) {
            throw new ArgumentException("poolSize must be 0 or more, got " + size);
        }
        this.poolSize = size;
        return this;
    }

    /**
     * Extra connections a {@code QueuePool} may open beyond its size under load (default 10; -1 for no limit).
     *
     * @param overflow the overflow, at least -1
     * @return this builder
     */
    public EngineBuilder maxOverflow(int overflow) {
        if (overflow < -1) {
            throw new ArgumentException("maxOverflow must be -1 (no limit) or more, got " + overflow);
        }
        this.maxOverflow = overflow;
        return this;
    }

    /**
     * How long a checkout waits for a free connection before failing (default 30 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public EngineBuilder poolTimeout(Duration timeout) {
        this.poolTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Replaces connections older than this (default never).
     *
     * @param recycle the age limit
     * @return this builder
     */
    public EngineBuilder poolRecycle(Duration recycle) {
        this.poolRecycle = recycle;
        return this;
    }

    /**
     * Tests each connection as it is checked out and replaces it when it is dead.
     *
     * @param on true to pre-ping
     * @return this builder
     */
    public EngineBuilder poolPrePing(boolean on) {
        this.poolPrePing = on;
        return this;
    }

    /**
     * Chooses the pool implementation instead of the dialect's default.
     *
     * @param kind the pool kind
     * @return this builder
     */
    public EngineBuilder poolClass(PoolKind kind) {
        this.poolKind = kind;
        return this;
    }

    /**
     * Uses a pool built elsewhere.
     *
     * @param pool the pool
     * @return this builder
     */
    public EngineBuilder pool(Pool pool) {
        this.pool = pool;
        return this;
    }

    /**
     * Opens connections with this function instead of the URL (SQLAlchemy's {@code creator}).
     *
     * @param creator opens a JDBC connection
     * @return this builder
     */
    public EngineBuilder creator(ConnectionFactory creator) {
        this.creator = creator;
        return this;
    }

    /**
     * Uses this dialect instance instead of the one the URL names.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public EngineBuilder dialect(Dialect dialect) {
        this.dialect = dialect;
        return this;
    }

    /**
     * The isolation level every connection starts with; {@link IsolationLevel#AUTOCOMMIT} for no transactions.
     *
     * @param level the level
     * @return this builder
     */
    public EngineBuilder isolationLevel(IsolationLevel level) {
        this.isolationLevel = level;
        return this;
    }

    /**
     * How many compiled statements the engine caches (default 500; 0 turns the cache off).
     *
     * @param size the cache size
     * @return this builder
     */
    public EngineBuilder compiledCacheSize(int size) {
        this.compiledCacheSize = size;
        return this;
    }

    /**
     * Turns echo on and also hands every echoed line (statements, parameters, BEGIN, COMMIT, ROLLBACK,
     * SAVEPOINT) to a consumer, e.g. to collect the SQL a test emitted. Lines never contain passwords; long
     * parameter values are truncated.
     *
     * @param sink receives each echoed line
     * @return this builder
     */
    public EngineBuilder echoTo(Consumer<String> sink) {
        echoSinks.add(Objects.requireNonNull(sink, "sink"));
        this.echo = true;
        return this;
    }

    /**
     * How many prepared statements a checked-out connection keeps for reuse by SQL text (default 32; 0 prepares
     * every execution anew). Reuse skips the driver's prepare when a connection runs the same SQL again, as the
     * batches of an executemany or the rows of a loop do; statements are closed when the connection goes back to
     * the pool.
     *
     * @param size the most idle statements per connection
     * @return this builder
     */
    public EngineBuilder statementCacheSize(int size) {
        if (size < 0) {
            throw new org.retort.exc.ArgumentException("statementCacheSize must be 0 or more, got " + size);
        }
        this.statementCacheSize = size;
        return this;
    }

    /**
     * Leaves parameter values out of the echo and of exception messages (SQLAlchemy's {@code hide_parameters}),
     * for applications whose parameters hold secrets or personal data.
     *
     * @param hide true to hide them
     * @return this builder
     */
    public EngineBuilder hideParameters(boolean hide) {
        this.hideParameters = hide;
        return this;
    }

    /**
     * What closing a connection does with a transaction still open (default {@link ResetOnReturn#ROLLBACK};
     * SQLAlchemy's {@code pool_reset_on_return}).
     *
     * @param reset rollback, commit or none
     * @return this builder
     */
    public EngineBuilder poolResetOnReturn(ResetOnReturn reset) {
        this.resetOnReturn = Objects.requireNonNull(reset, "reset");
        return this;
    }

    /**
     * Execution options every connection of the engine starts with.
     *
     * @param options the options; combined with those set earlier
     * @return this builder
     */
    public EngineBuilder executionOptions(ExecutionOptions options) {
        this.executionOptions = executionOptions.mergedWith(Objects.requireNonNull(options, "options"));
        return this;
    }

    /**
     * Extra properties for the JDBC driver, added to the URL's query options (SQLAlchemy's {@code connect_args}).
     *
     * @param args driver properties
     * @return this builder
     */
    public EngineBuilder connectArgs(Map<String, String> args) {
        connectArgs.putAll(args);
        return this;
    }

    /**
     * Reports connections checked out for longer than this (HikariCP's {@code leakDetectionThreshold}, at least two
     * seconds): HikariCP logs a warning with the stack trace of the checkout, which finds the code that forgot to
     * close a connection. {@code QueuePool} only.
     *
     * @param threshold how long a checkout may last before it is reported
     * @return this builder
     */
    public EngineBuilder leakDetectionThreshold(Duration threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.toMillis() < 2000) {
            throw new ArgumentException("leakDetectionThreshold must be at least 2 s (HikariCP's minimum), got "
                    + threshold);
        }
        return hikari(config -> config.setLeakDetectionThreshold(threshold.toMillis()));
    }

    /**
     * SQL HikariCP runs on every new physical connection before it is used (HikariCP's {@code connectionInitSql}),
     * e.g. {@code SET search_path TO app} or {@code PRAGMA foreign_keys = ON}. {@code QueuePool} only.
     *
     * @param sql one statement
     * @return this builder
     */
    public EngineBuilder connectionInitSql(String sql) {
        Objects.requireNonNull(sql, "sql");
        return hikari(config -> config.setConnectionInitSql(sql));
    }

    /**
     * Reports HikariCP's own pool metrics to a tracker (HikariCP's {@code metricsTrackerFactory}), e.g.
     * {@code new MicrometerMetricsTrackerFactory(registry)} for the {@code hikaricp.*} meters, next to Retort's
     * {@code retort.pool.*} ({@link org.retort.metrics.EngineMetrics}). {@code QueuePool} only.
     *
     * @param factory the tracker factory
     * @return this builder
     */
    public EngineBuilder poolMetricsTracker(MetricsTrackerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return hikari(config -> config.setMetricsTrackerFactory(factory));
    }

    /**
     * Changes HikariCP's configuration of the engine's {@code QueuePool} directly, after Retort's settings (and in
     * order with {@link #leakDetectionThreshold}, {@link #connectionInitSql} and {@link #poolMetricsTracker}), for
     * any HikariCP setting Retort has no name for. Pool size, overflow, timeout and recycle belong to Retort's own
     * settings; set them there.
     *
     * @param settings changes to the {@link HikariConfig}
     * @return this builder
     */
    public EngineBuilder hikari(Consumer<HikariConfig> settings) {
        hikariSettings.add(Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /** {@return the configured engine} */
    public Engine build() {
        return new Engine(this);
    }
}
