package org.retort.pool;

/**
 * What happens to a transaction still open when a connection is closed and goes back to the pool
 * (SQLAlchemy's {@code pool_reset_on_return}).
 */
public enum ResetOnReturn {
    /** Roll the unfinished transaction back: the default, and the only safe choice for most applications. */
    ROLLBACK,
    /** Commit the unfinished transaction; for code that relies on close() to persist its work. */
    COMMIT,
    /**
     * Do nothing; only for connections in autocommit mode, or when something else resets them. On SQLite an
     * unfinished {@code BEGIN} then stays open on the pooled connection.
     */
    NONE
}
