package org.retort.orm;

/**
 * How an ORM UPDATE or DELETE with WHERE brings the objects already in the session up to date (SQLAlchemy's
 * {@code synchronize_session} execution option).
 */
public enum SynchronizeSession {
    /** Evaluate the WHERE in Java when possible, else fetch the matched keys first (the default). */
    AUTO,
    /** Evaluate the WHERE in Java against the session's objects; fails for criteria Java cannot evaluate. */
    EVALUATE,
    /** SELECT the keys of the matched rows first, then update or remove those objects. */
    FETCH,
    /** Leave the session's objects alone; they may be stale until refreshed. */
    FALSE
}
