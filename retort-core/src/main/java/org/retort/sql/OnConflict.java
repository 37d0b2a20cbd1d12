package org.retort.sql;

import java.util.List;
import java.util.Map;

/**
 * The upsert clause of an INSERT. {@code ON CONFLICT (targets) DO NOTHING | DO UPDATE SET ... [WHERE ...]} on
 * PostgreSQL and SQLite; {@code ON DUPLICATE KEY UPDATE ...} on MySQL and MariaDB. Dialects without it refuse
 * to compile.
 *
 * @param kind which form
 * @param targets the conflict target columns (ON CONFLICT), empty for any conflict
 * @param set the SET values by column name; empty for DO NOTHING
 * @param where the DO UPDATE condition, or null
 */
public record OnConflict(Kind kind, List<Expression<?>> targets, Map<String, Expression<?>> set, Expression<?> where) {

    /** The upsert form. */
    public enum Kind {
        /** {@code ON CONFLICT DO NOTHING}. */
        DO_NOTHING,
        /** {@code ON CONFLICT DO UPDATE}. */
        DO_UPDATE,
        /** {@code ON DUPLICATE KEY UPDATE}. */
        DUPLICATE_KEY_UPDATE
    }

    /**
     * Creates the clause.
     *
     * @param kind form
     * @param targets conflict target
     * @param set values
     * @param where condition
     */
    public OnConflict {
        targets = List.copyOf(targets);
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    }
}
