package org.retort.orm;

/**
 * How an ORM UPDATE or DELETE with WHERE brings the objects already in the session up to date (SQLAlchemy's
 * {@code synchronize_session} execution option).
 */
public enum SynchronizeSession {
    /** Evaluate when the WHERE and the SET values can both be computed in Java, else fetch (the default). */
    AUTO,
    /**
     * Evaluate the WHERE in Java against the session's objects and compute the SET values from each matched
     * object's fields (no statement besides the UPDATE or DELETE); fails for criteria Java cannot evaluate.
     */
    EVALUATE,
    /**
     * Learn the matched rows from the database: {@code UPDATE/DELETE ... RETURNING} where it has it (PostgreSQL,
     * SQLite; MariaDB for DELETE), else a SELECT of their keys first; then update or remove those objects.
     */
    FETCH,
    /** Leave the session's objects alone; they may be stale until refreshed. */
    FALSE
}
