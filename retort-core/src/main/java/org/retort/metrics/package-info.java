/**
 * Micrometer meters for an engine: pool gauges and a statement timer ({@link org.retort.metrics.EngineMetrics}).
 * Micrometer is an optional dependency: only code that uses this package needs {@code io.micrometer:micrometer-core}
 * at run time. The Spring Boot starter binds it to the application's {@code MeterRegistry} by itself.
 */
package org.retort.metrics;
