package org.retort.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.retort.sql.Compiled;

/**
 * The engine's bounded LRU cache of compiled statements, keyed by statement structure
 * ({@link org.retort.sql.Executable#cacheKey()}); SQLAlchemy's {@code query_cache_size}. Thread-safe.
 *
 * <p>The hot path is a hit, so a hit takes no lock: entries live in a {@link ConcurrentHashMap} and remember
 * when they were last used. When an insertion takes the cache past its capacity, one thread evicts the least
 * recently used tenth under a lock, so eviction is amortized and lookups never wait for it. Two threads missing
 * on the same key at once may both compile; the first stored form wins and both return it.
 */
public final class CompiledCache {
    private final int capacity;
    private final ConcurrentHashMap<Object, Entry> map = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Object evictLock = new Object();

    private static final class Entry {
        final Compiled compiled;
        volatile long lastUsed;

        Entry(Compiled compiled) {
            this.compiled = compiled;
            this.lastUsed = System.nanoTime();
        }
    }

    /**
     * Creates a cache.
     *
     * @param capacity the most entries kept; 0 disables caching
     */
    public CompiledCache(int capacity) {
        this.capacity = capacity;
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
        Entry e = map.get(key);
        if (e != null) {
            hits.increment();
            e.lastUsed = System.nanoTime();
            return e.compiled;
        }
        misses.increment();
        Compiled c = compile.apply(key);
        Entry prior = map.putIfAbsent(key, new Entry(c));
        if (prior != null) {
            return prior.compiled;
        }
        if (map.size() > capacity) {
            evict();
        }
        return c;
    }

    private void evict() {
        synchronized (evictLock) {
            int excess = map.size() - capacity;
            if (excess <= 0) {
                return;
            }
            int remove = Math.max(excess, capacity / 10);
            List<Map.Entry<Object, Entry>> entries = new ArrayList<>(map.entrySet());
            entries.sort(Comparator.comparingLong(x -> x.getValue().lastUsed));
            for (int i = 0; i < remove && i < entries.size(); i++) {
                map.remove(entries.get(i).getKey(), entries.get(i).getValue());
            }
        }
    }

    /** {@return how many lookups found a compiled form} */
    public long hits() {
        return hits.sum();
    }

    /** {@return how many lookups had to compile} */
    public long misses() {
        return misses.sum();
    }

    /** {@return entries currently held} */
    public int size() {
        return map.size();
    }

    /** {@return the most entries kept} */
    public int capacity() {
        return capacity;
    }

    /** Empties the cache and its statistics. */
    public void clear() {
        map.clear();
        hits.reset();
        misses.reset();
    }

    @Override
    public String toString() {
        return "CompiledCache(" + size() + "/" + capacity + ", hits=" + hits() + ", misses=" + misses() + ")";
    }
}
