package org.retort.sql;

import java.util.List;
import java.util.Map;

/**
 * The upsert clause of an INSERT. {@code ON CONFLICT (targets) DO NOTHING | DO UPDATE SET ... [WHERE ...]} on
 * PostgreSQL and SQLite; {@code ON DUPLICATE KEY UPDATE ...} on MySQL and MariaDB; the portable
 * {@link Kind#UPSERT} renders whichever the database has, {@code MERGE} on H2, SQL Server and Oracle. Dialects
 * without the form asked for refuse to compile.
 *
 * @param kind which form
 * @param targets the conflict target columns (ON CONFLICT) or the key columns (UPSERT), empty for any conflict
 * @param constraint the constraint of {@code ON CONFLICT ON CONSTRAINT name} (PostgreSQL), or null
 * @param indexWhere the partial-index predicate of the conflict target ({@code ON CONFLICT (a) WHERE ...}), or null
 * @param set the SET values by column name; empty for DO NOTHING
 * @param where the DO UPDATE condition, or null
 */
public record OnConflict(Kind kind, List<Expression<?>> targets, String constraint, Expression<?> indexWhere,
                         Map<String, Expression<?>> set, Expression<?> where) {

    /** The upsert form. */
    public enum Kind {
        /** {@code ON CONFLICT DO NOTHING}. */
        DO_NOTHING,
        /** {@code ON CONFLICT DO UPDATE}. */
        DO_UPDATE,
        /** {@code ON DUPLICATE KEY UPDATE}. */
        DUPLICATE_KEY_UPDATE,
        /** Insert, or update the row with the same key: whichever form the database has. */
        UPSERT
    }

    /**
     * Creates the clause.
     *
     * @param kind form
     * @param targets conflict target
     * @param constraint constraint name or null
     * @param indexWhere partial-index predicate or null
     * @param set values
     * @param where condition
     */
    public OnConflict {
        targets = List.copyOf(targets);
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    }

    /**
     * Creates a clause with no constraint name and no index predicate.
     *
     * @param kind form
     * @param targets conflict target
     * @param set values
     * @param where condition
     */
    public OnConflict(Kind kind, List<Expression<?>> targets, Map<String, Expression<?>> set, Expression<?> where) {
        this(kind, targets, null, null, set, where);
    }
}
