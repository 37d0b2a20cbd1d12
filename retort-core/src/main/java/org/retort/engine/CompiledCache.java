package org.retort.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.retort.sql.Compiled;

/**
 * The engine's bounded LRU cache of compiled statements, keyed by statement structure
 * ({@link org.retort.sql.Executable#cacheKey()}); SQLAlchemy's {@code query_cache_size}. Thread-safe.
 */
public final class CompiledCache {
    private final int capacity;
    private final Map<Object, Compiled> map;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * Creates a cache.
     *
     * @param capacity the most entries kept; 0 disables caching
     */
    public CompiledCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Compiled> eldest) {
                return size() > CompiledCache.this.capacity;
            }
        };
    }

    /**
     * Returns the cached form for a key, compiling and storing it on a miss.
     *
     * @param key the structural key; null means "do not cache"
     * @param compile compiles the statement
     * @return the compiled statement
     */
    public Compiled get(Object key, Function<Object, Compiled> compile) {
        if (key == null || capacity == 0) {
            misses.increment();
            return compile.apply(key);
        }
        Compiled c;
        synchronized (map) {
            c = map.get(key);
        }
        if (c != null) {
            hits.increment();
            return c;
        }
        misses.increment();
        c = compile.apply(key);
        synchronized (map) {
            map.put(key, c);
        }
        return c;
    }

    /** @return how many lookups found a compiled form */
    public long hits() {
        return hits.sum();
    }

    /** @return how many lookups had to compile */
    public long misses() {
        return misses.sum();
    }

    /** @return entries currently held */
    public int size() {
        synchronized (map) {
            return map.size();
        }
    }

    /** @return the most entries kept */
    public int capacity() {
        return capacity;
    }

    /** Empties the cache and its statistics. */
    public void clear() {
        synchronized (map) {
            map.clear();
        }
        hits.reset();
        misses.reset();
    }

    @Override
    public String toString() {
        return "CompiledCache(" + size() + "/" + capacity + ", hits=" + hits() + ", misses=" + misses() + ")";
    }
}
