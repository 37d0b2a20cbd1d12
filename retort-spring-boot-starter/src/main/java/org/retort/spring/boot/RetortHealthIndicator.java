package org.retort.spring.boot;

import java.util.Objects;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether Retort's engine can reach its database: UP when a connection checks out and passes the dialect's
 * ping, DOWN with the error otherwise. Details: the dialect and server version, and the pool's state. It appears
 * as {@code retort} under the actuator's health endpoint.
 */
public class RetortHealthIndicator extends AbstractHealthIndicator {
    private final Engine engine;

    /**
     * Creates the indicator.
     *
     * @param engine the engine to check
     */
    public RetortHealthIndicator(Engine engine) {
        super("Retort health check failed");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Checks out a connection and pings the database.
     *
     * @param builder receives the status and details
     * @throws Exception when the database cannot be reached; the indicator reports DOWN with it
     */
    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Connection conn = engine.connect()) {
            boolean alive = engine.dialect().ping(conn.jdbcConnection());
            builder.status(alive ? "UP" : "DOWN")
                    .withDetail("dialect", engine.dialect().name())
                    .withDetail("serverVersion", engine.dialect().serverVersion().toString())
                    .withDetail("pool", engine.pool().status());
        }
    }
}
