package org.retort.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.retort.orm.SessionFactory;

/**
 * Times the flushes of the sessions a {@link SessionFactory} opens: timer {@code retort.flush}, one sample per flush
 * that had work (the unit of work's INSERT, UPDATE and DELETE statements together), from the ORM's before-flush and
 * after-flush session events. A flush that fails is not recorded here; its statements are, in
 * {@code retort.statements} with {@code outcome=error}.
 */
public final class SessionFactoryMetrics implements MeterBinder {
    private final SessionFactory sessionFactory;
    private final String name;
    /** When the flush now running on this thread began (a session is used by one thread at a time). */
    private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[] {-1L});

    /**
     * Prepares the timer.
     *
     * @param sessionFactory the factory whose sessions are timed
     * @param name the value of the {@code engine} tag, as for the engine's meters
     */
    public SessionFactoryMetrics(SessionFactory sessionFactory, String name) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Registers the timer and the session listeners that feed it.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Timer flush = Timer.builder("retort.flush").description("Unit-of-work flushes of ORM sessions")
                .tag("engine", name).register(registry);
        sessionFactory.events().onBeforeFlush(session -> started.get()[0] = System.nanoTime());
        sessionFactory.events().onAfterFlush(session -> {
            long[] start = started.get();
            if (start[0] >= 0) {
                flush.record(System.nanoTime() - start[0], TimeUnit.NANOSECONDS);
                start[0] = -1;
            }
        });
    }
}
