package org.retort.sql;

/** What a compiled statement does, which decides how the engine executes it and what its result holds. */
public enum StatementKind {
    /** A query returning rows. */
    SELECT,
    /** An INSERT. */
    INSERT,
    /** An UPDATE. */
    UPDATE,
    /** A DELETE. */
    DELETE,
    /** CREATE, ALTER, DROP and other schema statements. */
    DDL,
    /** Textual SQL whose kind is only known when it runs. */
    TEXT
}
