package org.retort.orm;

/**
 * The state of an object with respect to a session (SQLAlchemy's object states): what the next flush or commit
 * will do with it.
 */
public enum ObjectState {
    /** Not in a session and not in the database: a plain new object. */
    TRANSIENT,
    /** Added to a session; the next flush INSERTs it. */
    PENDING,
    /** In a session's identity map with a database identity. */
    PERSISTENT,
    /** Deleted in a flush that is not committed yet; after commit it becomes detached. */
    DELETED,
    /** Has a database identity but belongs to no session (closed, expunged, or deleted and committed). */
    DETACHED
}
