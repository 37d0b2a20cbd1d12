package org.retort.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.retort.engine.Engine;
import org.retort.event.Registration;
import org.retort.pool.PoolStatistics;

/**
 * Publishes an {@link Engine}'s pool and statements to a Micrometer {@link MeterRegistry}, every meter tagged
 * {@code engine=<name>}:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>meter</th><th>type</th><th>what</th></tr>
 *   <tr><td>{@code retort.pool.active}</td><td>gauge</td><td>connections checked out now</td></tr>
 *   <tr><td>{@code retort.pool.idle}</td><td>gauge</td><td>connections open and idle in the pool</td></tr>
 *   <tr><td>{@code retort.pool.pending}</td><td>gauge</td><td>threads waiting for a connection</td></tr>
 *   <tr><td>{@code retort.pool.timeouts}</td><td>counter</td><td>checkouts that gave up waiting</td></tr>
 *   <tr><td>{@code retort.statements}</td><td>timer</td><td>each statement the driver ran, from the moment it
 *       was handed to the driver to the moment it returned; tags {@code executemany} (true, false) and
 *       {@code outcome} (success, error)</td></tr>
 * </table>
 *
 * <pre>{@code
 * EngineMetrics metrics = new EngineMetrics(engine, "main");
 * metrics.bindTo(registry);          // Spring Boot's starter does this for every Engine bean
 * }</pre>
 *
 * <p>The pool gauges read {@link org.retort.pool.Pool#statistics()}; a pool that keeps no counters gets none. The
 * statement timer listens to the engine's cursor-execute events, which costs one clock read before and after each
 * execution. {@link #close()} removes the listeners.
 */
public final class EngineMetrics implements MeterBinder, AutoCloseable {
    private final Engine engine;
    private final Tags tags;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    /** The statement now running on this thread (a connection is used by one thread at a time). */
    private final ThreadLocal<Running> running = ThreadLocal.withInitial(Running::new);

    /** When the driver got the statement (-1: none running), and whether it was a batch. */
    private static final class Running {
        long start = -1;
        boolean many;
    }

    /**
     * Prepares the meters of one engine; nothing is published until {@link #bindTo(MeterRegistry)}.
     *
     * @param engine the engine
     * @param name the value of the {@code engine} tag, e.g. the bean name
     */
    public EngineMetrics(Engine engine, String name) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.tags = Tags.of(Tag.of("engine", Objects.requireNonNull(name, "name")));
    }

    /**
     * Registers the pool gauges and the statement timer in a registry.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        if (engine.pool().statistics() != null) {
            gauge(registry, "retort.pool.active", "Connections checked out now", s -> s.active());
            gauge(registry, "retort.pool.idle", "Connections open and idle in the pool", s -> s.idle());
            gauge(registry, "retort.pool.pending", "Threads waiting for a connection", s -> s.pending());
            FunctionCounter.builder("retort.pool.timeouts", engine, e -> stat(e, PoolStatistics::timeouts))
                    .description("Checkouts that gave up waiting for a connection").tags(tags).register(registry);
        }
        Timer single = timer(registry, false, "success");
        Timer many = timer(registry, true, "success");
        Timer singleError = timer(registry, false, "error");
        Timer manyError = timer(registry, true, "error");
        registrations.add(engine.events().onBeforeCursorExecute(event -> {
            Running r = running.get();
            r.start = System.nanoTime();
            r.many = event.executemany();
            return null;
        }));
        registrations.add(engine.events().onAfterCursorExecute(event -> {
            Running r = running.get();
            if (r.start >= 0) {
                (r.many ? many : single).record(System.nanoTime() - r.start, TimeUnit.NANOSECONDS);
                r.start = -1;
            }
        }));
        registrations.add(engine.events().onHandleError(context -> {
            Running r = running.get();
            if (r.start >= 0) { // the driver failed the statement (not a checkout)
                (r.many ? manyError : singleError).record(System.nanoTime() - r.start, TimeUnit.NANOSECONDS);
                r.start = -1;
            }
            return null;
        }));
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<PoolStatistics> f) {
        Gauge.builder(name, engine, e -> stat(e, f)).description(description).tags(tags).register(registry);
    }

    private static double stat(Engine e, ToDoubleFunction<PoolStatistics> f) {
        PoolStatistics s = e.pool().statistics();
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    private Timer timer(MeterRegistry registry, boolean many, String outcome) {
        return Timer.builder("retort.statements").description("Statements run by the driver")
                .tags(tags).tag("executemany", Boolean.toString(many)).tag("outcome", outcome).register(registry);
    }

    /** Removes the engine listeners this binder registered; meters already published stay in their registries. */
    @Override
    public void close() {
        for (Registration r : registrations) {
            r.remove();
        }
        registrations.clear();
    }
}
