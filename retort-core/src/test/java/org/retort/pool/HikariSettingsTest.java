package org.retort.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.retort.dialect.PoolKind;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** HikariCP's own settings, reached through Retort's builder, take effect in the engine's QueuePool. */
class HikariSettingsTest {

    @BackendTest(only = "h2")
    void connectionInitSqlRunsOnEachNewConnection(TestDatabase db) {
        Engine engine = db.engine(b -> b.poolClass(PoolKind.QUEUE).connectionInitSql("SET @retort_init = 42"));
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.execute(text("SELECT @retort_init")).scalar()).intValue()).isEqualTo(42);
        }
    }

    @BackendTest(only = "h2")
    void aMetricsTrackerSeesCheckoutsAndTheSettingsApplyInOrder(TestDatabase db) {
        List<String> pools = new CopyOnWriteArrayList<>();
        AtomicLong acquired = new AtomicLong();
        MetricsTrackerFactory tracker = (poolName, stats) -> {
            pools.add(poolName);
            return new IMetricsTracker() {
                @Override
                public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                    acquired.incrementAndGet();
                }
            };
        };
        long[] leakThreshold = new long[1];
        Engine engine = db.engine(b -> b.poolClass(PoolKind.QUEUE).poolMetricsTracker(tracker)
                .leakDetectionThreshold(Duration.ofSeconds(30))
                .hikari(config -> leakThreshold[0] = config.getLeakDetectionThreshold()));
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1")).all();
        }
        assertThat(pools).singleElement().asString().startsWith("retort-");
        assertThat(acquired.get()).isEqualTo(1);
        assertThat(leakThreshold[0]).isEqualTo(30_000);
    }

    @BackendTest(only = "sqlite-memory")
    void hikariSettingsOnAnotherPoolKindAreRefused(TestDatabase db) {
        assertThatThrownBy(() -> Engine.builder("sqlite://").poolClass(PoolKind.STATIC)
                .connectionInitSql("PRAGMA foreign_keys = ON").build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("QueuePool").hasMessageContaining("STATIC");
        assertThatThrownBy(() -> Engine.builder("sqlite://").leakDetectionThreshold(Duration.ofMillis(500)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("2 s");
    }
}
