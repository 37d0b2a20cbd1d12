package org.retort.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.retort.dialect.PoolKind;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.DBAPIException;
import org.retort.exc.PoolTimeoutException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

class EngineMetricsTest {

    @BackendTest(only = {"h2", "postgresql", "mariadb"})
    void poolGaugesFollowCheckoutsAndCountTimeouts(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolClass(PoolKind.QUEUE).poolSize(1).maxOverflow(0)
                .poolTimeout(Duration.ofSeconds(2)));
        MeterRegistry registry = new SimpleMeterRegistry();
        try (EngineMetrics metrics = new EngineMetrics(engine, "main")) {
            metrics.bindTo(registry);
            assertThat(gauge(registry, "retort.pool.active")).isZero();
            try (Connection held = engine.connect()) {
                held.execute(text("SELECT 1")).all();
                assertThat(gauge(registry, "retort.pool.active")).isEqualTo(1);
                assertThat(gauge(registry, "retort.pool.idle")).isZero();
                assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutException.class);
            }
            assertThat(registry.get("retort.pool.timeouts").tag("engine", "main").functionCounter().count())
                    .isEqualTo(1);
            assertThat(gauge(registry, "retort.pool.active")).isZero();
            assertThat(gauge(registry, "retort.pool.idle")).isEqualTo(1);
            assertThat(gauge(registry, "retort.pool.pending")).isZero();
        }
    }

    @BackendTest(only = {"sqlite-memory", "postgresql"})
    void statementsAreTimedBySuccessAndFailureAndExecutemany(TestDatabase db) {
        Engine engine = db.engine();
        MeterRegistry registry = new SimpleMeterRegistry();
        EngineMetrics metrics = new EngineMetrics(engine, "main");
        metrics.bindTo(registry);
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE metered (x INTEGER)"));
            conn.execute(text("INSERT INTO metered (x) VALUES (:x)"), List.of(Map.of("x", 1), Map.of("x", 2)));
            conn.execute(text("SELECT x FROM metered")).all();
            conn.commit();
            assertThatThrownBy(() -> conn.execute(text("SELECT nope FROM metered")))
                    .isInstanceOf(DBAPIException.class);
        }
        assertThat(timer(registry, "false", "success").count()).isEqualTo(2);
        assertThat(timer(registry, "true", "success").count()).isEqualTo(1);
        assertThat(timer(registry, "false", "error").count()).isEqualTo(1);
        assertThat(timer(registry, "false", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive();

        metrics.close(); // listeners removed: later statements are not timed
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1")).all();
        }
        assertThat(timer(registry, "false", "success").count()).isEqualTo(2);
    }

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).tag("engine", "main").gauge().value();
    }

    private static Timer timer(MeterRegistry registry, String many, String outcome) {
        return registry.get("retort.statements").tag("engine", "main").tag("executemany", many)
                .tag("outcome", outcome).timer();
    }
}
