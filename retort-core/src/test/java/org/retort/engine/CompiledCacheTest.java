package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.select;
import static org.retort.sql.Sql.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retort.dialect.postgresql.PostgresqlDialect;
import org.retort.sql.Compiled;
import org.retort.sql.Select;
import org.retort.sql.TableClause;

class CompiledCacheTest {
    private static final PostgresqlDialect PG = new PostgresqlDialect();
    private static final TableClause T = table("t", "a", "b");

    private static Select query(int shape, int value) {
        Select s = select(T.c("a")).where(T.c("b").eq(value));
        for (int i = 0; i < shape; i++) {
            s = s.where(T.c("a").gt(i));
        }
        return s;
    }

    @Test
    void countsHitsAndMissesAndReusesTheCompiledForm() {
        CompiledCache cache = new CompiledCache(10);
        AtomicInteger compiles = new AtomicInteger();
        Compiled first = cache.get(query(1, 1).cacheKey(), k -> { compiles.incrementAndGet(); return query(1, 1).compile(PG); });
        Compiled second = cache.get(query(1, 99).cacheKey(), k -> { compiles.incrementAndGet(); return query(1, 99).compile(PG); });
        cache.get(query(2, 1).cacheKey(), k -> { compiles.incrementAndGet(); return query(2, 1).compile(PG); });
        assertThat(second).isSameAs(first);
        assertThat(compiles.get()).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(null, k -> query(1, 1).compile(PG))).isNotSameAs(first);
        assertThat(cache.misses()).isEqualTo(3);
        cache.clear();
        assertThat(cache.size()).isZero();
        assertThat(cache.hits()).isZero();
    }

    @Test
    void evictsTheLeastRecentlyUsed() throws InterruptedException {
        CompiledCache cache = new CompiledCache(3);
        for (int shape = 0; shape < 3; shape++) {
            int s = shape;
            cache.get(query(s, 0).cacheKey(), k -> query(s, 0).compile(PG));
            Thread.sleep(2);
        }
        cache.get(query(0, 5).cacheKey(), k -> query(0, 5).compile(PG));
        Thread.sleep(2);
        cache.get(query(3, 0).cacheKey(), k -> query(3, 0).compile(PG));
        assertThat(cache.size()).isEqualTo(3);
        long misses = cache.misses();
        cache.get(query(0, 1).cacheKey(), k -> query(0, 1).compile(PG));
        assertThat(cache.misses()).as("shape 0 was used recently and stays").isEqualTo(misses);
        cache.get(query(1, 1).cacheKey(), k -> query(1, 1).compile(PG));
        assertThat(cache.misses()).as("shape 1 was the least recently used and was evicted").isEqualTo(misses + 1);
    }

    @Test
    void manyThreadsShareOneBoundedCache() throws Exception {
        CompiledCache cache = new CompiledCache(20);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        int shape = (i * 7 + seed) % 30;
                        Select q = query(shape, i);
                        Compiled c = cache.get(q.cacheKey(), k -> q.compile(PG));
                        if (!c.sql().equals(q.compile(PG).sql())) {
                            return false;
                        }
                        if (!c.bind(q.boundValues(), Map.of()).values()[0].equals(i)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(20);
        assertThat(cache.hits() + cache.misses()).isEqualTo(8 * 2000);
        assertThat(cache.hits()).isGreaterThan(0);
    }
}
