package org.retort.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.retort.engine.Engine;
import org.retort.metrics.EngineMetrics;
import org.retort.orm.SessionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes Retort's meters when Micrometer is on the class path: the engine's pool gauges and statement timer
 * ({@link EngineMetrics}) and the ORM flush timer ({@link SessionFactoryMetrics}), all tagged {@code engine=retort}.
 * Spring Boot binds them to every {@code MeterRegistry} it configures (with the actuator, they appear under
 * {@code /actuator/metrics/retort.pool.active} and so on).
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(Engine.class)
public class RetortMetricsAutoConfiguration {
    private static final String TAG = "retort";

    /** Created by Spring. */
    public RetortMetricsAutoConfiguration() {
    }

    /**
     * The engine's meters.
     *
     * @param engine the engine
     * @return the binder Spring Boot binds to its registries
     */
    @Bean
    @ConditionalOnMissingBean
    public EngineMetrics retortEngineMetrics(Engine engine) {
        return new EngineMetrics(engine, TAG);
    }

    /**
     * The flush timer.
     *
     * @param sessionFactory the session factory
     * @return the binder Spring Boot binds to its registries
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(SessionFactory.class)
    public SessionFactoryMetrics retortSessionFactoryMetrics(SessionFactory sessionFactory) {
        return new SessionFactoryMetrics(sessionFactory, TAG);
    }
}
