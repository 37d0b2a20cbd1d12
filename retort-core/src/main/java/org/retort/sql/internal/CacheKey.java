package org.retort.sql.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A statement's structural cache key: the walk's tokens in an array, hashed once at creation, so the compiled
 * cache's lookup pays for hashing one time and compares arrays only on a hash match.
 */
public final class CacheKey {
    private final Object[] parts;
    private final int hash;

    CacheKey(List<Object> tokens) {
        this.parts = tokens.toArray();
        this.hash = Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CacheKey k && k.hash == hash && Arrays.equals(k.parts, parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CacheKey(" + parts.length + " tokens, hash " + Integer.toHexString(hash) + ")";
    }
}
