package org.retort.spring.boot;

import org.retort.engine.EngineBuilder;

/**
 * Changes the auto-configured engine's settings beyond the {@code retort.*} properties: declare a bean of this type,
 * and the starter calls it before building the engine (with the pool and the properties already applied).
 *
 * <pre>{@code
 * @Bean
 * EngineBuilderCustomizer collectSql(List<String> sqlLog) {
 *     return builder -> builder.echoTo(sqlLog::add);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EngineBuilderCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the engine's builder
     */
    void customize(EngineBuilder builder);
}
