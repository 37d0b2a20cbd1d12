package org.retort.dialect;

/** The pool implementations an engine can use; a dialect names its default for a URL. */
public enum PoolKind {
    /** A bounded pool with overflow, HikariCP underneath (SQLAlchemy's {@code QueuePool}). */
    QUEUE,
    /** No pooling: every checkout opens a connection and every checkin closes it. */
    NULL,
    /** Exactly one connection, shared by every checkout (for in-memory databases used from one thread at a time). */
    STATIC,
    /** One connection per thread, kept for that thread. */
    SINGLETON_THREAD
}
