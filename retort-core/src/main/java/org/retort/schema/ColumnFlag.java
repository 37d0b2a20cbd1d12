package org.retort.schema;

/** The on/off column options: {@code primaryKey()}, {@code notNull()}, {@code unique()}, {@code index()}, .... */
public enum ColumnFlag implements ColumnOption {
    /** Part of the primary key; implies NOT NULL. */
    PRIMARY_KEY,
    /** NOT NULL. */
    NOT_NULL,
    /** NULL allowed, even on a primary key column where the database permits it. */
    NULLABLE,
    /** A single-column UNIQUE constraint. */
    UNIQUE,
    /** A single-column index (unique when {@link #UNIQUE} is also given). */
    INDEX,
    /** Force autoincrement on an integer primary key column. */
    AUTOINCREMENT,
    /** Turn off the automatic autoincrement of a single integer primary key column. */
    NO_AUTOINCREMENT,
    /**
     * An insert sentinel: its per-row client-side value correlates the rows of a batched INSERT ... RETURNING with
     * the parameter sets (see {@link Schema#insertSentinel()}).
     */
    INSERT_SENTINEL
}
