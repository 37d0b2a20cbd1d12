package org.retort.migrate;

/**
 * The kind of a constraint to drop: MySQL/MariaDB spell each kind's DROP differently
 * ({@code DROP FOREIGN KEY}, {@code DROP INDEX}, {@code DROP CHECK}), so {@link Operations#dropConstraint} needs it
 * as Alembic's {@code type_} argument.
 */
public enum ConstraintKind {
    /** PRIMARY KEY. */
    PRIMARY_KEY,
    /** FOREIGN KEY. */
    FOREIGN_KEY,
    /** UNIQUE. */
    UNIQUE,
    /** CHECK. */
    CHECK
}
