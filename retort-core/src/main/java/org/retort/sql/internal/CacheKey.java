package org.retort.sql.internal;

import java.util.List;

/**
 * A statement's structural cache key: the walk's tokens, hashed once at creation, so the compiled
 * cache's lookup pays for hashing one time and compares arrays only on a hash match.
 */
public final class CacheKey {
    private final List<Object> parts;
    private final int hash;

    /** Takes the walk's token list as is; the analysis never changes it afterwards. */
    CacheKey(List<Object> tokens) {
        this.parts = tokens;
        this.hash = tokens.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CacheKey k && k.hash == hash && k.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CacheKey(" + parts.size() + " tokens, hash " + Integer.toHexString(hash) + ")";
    }
}
