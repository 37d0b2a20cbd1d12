package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import org.junit.jupiter.api.Test;
import org.retort.exc.ArgumentException;

class ExecutionOptionsTest {

    @Test
    void laterOptionsWinAndUnsetOnesFallThrough() {
        ExecutionOptions base = ExecutionOptions.defaults().isolationLevel(IsolationLevel.SERIALIZABLE).yieldPer(50);
        ExecutionOptions merged = base.mergedWith(ExecutionOptions.defaults().compiledCache(false));
        assertThat(merged.isolationLevel()).contains(IsolationLevel.SERIALIZABLE);
        assertThat(merged.yieldPer()).hasValue(50);
        assertThat(merged.streamResults()).isTrue();
        assertThat(merged.compiledCache()).isFalse();
        assertThat(merged.fetchSize()).isEqualTo(50);
        assertThat(base.mergedWith(ExecutionOptions.defaults().streamResults(false)).fetchSize()).isZero();
        assertThat(ExecutionOptions.defaults().streamResults(true).fetchSize())
                .isEqualTo(ExecutionOptions.DEFAULT_STREAM_FETCH_SIZE);
        assertThat(ExecutionOptions.defaults().compiledCache()).isTrue();
        assertThat(merged.toString()).isEqualTo(
                "ExecutionOptions(isolationLevel=SERIALIZABLE, yieldPer=50, streamResults=true, compiledCache=false)");
        assertThatThrownBy(() -> ExecutionOptions.defaults().yieldPer(0)).isInstanceOf(ArgumentException.class);
    }

    @Test
    void compiledCacheCanBeTurnedOffPerConnectionAndPerEngineCopy() {
        try (Engine engine = Engine.create("sqlite://")) {
            CompiledCache cache = engine.compiledCache();
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1")).close();
                conn.execute(text("SELECT 1")).close();
                assertThat(cache.hits()).isEqualTo(1);
                conn.executionOptions(ExecutionOptions.defaults().compiledCache(false));
                conn.execute(text("SELECT 1")).close();
                assertThat(cache.hits()).isEqualTo(1);
            }
            Engine uncached = engine.executionOptions(ExecutionOptions.defaults().compiledCache(false));
            assertThat(uncached.compiledCache()).isSameAs(cache);
            assertThat(uncached.getExecutionOptions().compiledCache()).isFalse();
            assertThat(engine.getExecutionOptions().compiledCache()).isTrue();
            try (Connection conn = uncached.connect()) {
                conn.execute(text("SELECT 2")).close();
            }
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    @Test
    void optionsForOneExecutionApplyToItAloneAndTheConnectionKeepsItsOwn() {
        try (Engine engine = Engine.create("sqlite://")) {
            CompiledCache cache = engine.compiledCache();
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1")).close();
                Result r = conn.execute(text("SELECT 1"), java.util.Map.of(),
                        ExecutionOptions.defaults().compiledCache(false).yieldPer(7));
                assertThat(r.all()).hasSize(1);
                assertThat(cache.hits()).as("this execution compiled without the cache").isZero();
                assertThat(conn.getExecutionOptions()).isEqualTo(ExecutionOptions.defaults());
                conn.execute(text("SELECT 1")).close();
                assertThat(cache.hits()).as("the next one uses it again").isEqualTo(1);
                assertThatThrownBy(() -> conn.execute(text("SELECT 1"), java.util.Map.of(),
                        ExecutionOptions.defaults().isolationLevel(IsolationLevel.SERIALIZABLE)))
                        .isInstanceOf(ArgumentException.class).hasMessageContaining("connection.executionOptions");
            }
        }
    }

    @Test
    void engineLevelOptionsReachEveryConnection() {
        try (Engine engine = Engine.builder("sqlite://")
                .executionOptions(ExecutionOptions.defaults().streamResults(true)).build()) {
            try (Connection conn = engine.connect()) {
                assertThat(conn.getExecutionOptions().fetchSize()).isEqualTo(ExecutionOptions.DEFAULT_STREAM_FETCH_SIZE);
                assertThat(conn.execute(text("SELECT 1 UNION ALL SELECT 2")).all()).hasSize(2);
            }
        }
    }
}
