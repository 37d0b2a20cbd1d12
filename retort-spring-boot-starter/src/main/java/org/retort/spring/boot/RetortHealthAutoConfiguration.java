package org.retort.spring.boot;

import org.retort.engine.Engine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code retort} health indicator when Spring Boot's health support is on the class path; turn it off
 * with {@code management.health.retort.enabled=false}.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Engine.class)
@ConditionalOnEnabledHealthIndicator("retort")
public class RetortHealthAutoConfiguration {

    /** Created by Spring. */
    public RetortHealthAutoConfiguration() {
    }

    /**
     * The health indicator.
     *
     * @param engine the engine to check
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "retortHealthIndicator")
    public RetortHealthIndicator retortHealthIndicator(Engine engine) {
        return new RetortHealthIndicator(engine);
    }
}
