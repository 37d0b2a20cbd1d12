package org.retort.migrate.autogenerate;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * What {@link Autogenerate#compare} compares and how it writes the result (Alembic's {@code compare_type},
 * {@code compare_server_default}, {@code include_name} and {@code render_as_batch}).
 *
 * @param compareType compare column types (per dialect: {@code VARCHAR(30)} and {@code STRING(30)} are equal)
 * @param compareServerDefault compare server defaults, normalized (quotes, casts and parentheses ignored)
 * @param includeTable which table names take part; the version table never does
 * @param renderAsBatch write column and constraint changes inside {@code op.batchAlterTable}: null means on
 *                      SQLite only
 * @param schema the schema to compare, or null for the default one
 */
public record AutogenerateOptions(boolean compareType, boolean compareServerDefault, Predicate<String> includeTable,
                                  Boolean renderAsBatch, String schema) {

    /**
     * Checks.
     *
     * @param compareType compare column types
     * @param compareServerDefault compare server defaults
     * @param includeTable which tables take part
     * @param renderAsBatch batch rendering, or null for SQLite only
     * @param schema the schema, or null
     */
    public AutogenerateOptions {
        Objects.requireNonNull(includeTable, "includeTable");
    }

    /** {@return types and server defaults compared, every table, batch on SQLite} */
    public static AutogenerateOptions defaults() {
        return new AutogenerateOptions(true, true, t -> true, null, null);
    }

    /**
     * {@return a copy with the filter}
     *
     * @param filter which table names take part
     */
    public AutogenerateOptions includeTable(Predicate<String> filter) {
        return new AutogenerateOptions(compareType, compareServerDefault, filter, renderAsBatch, schema);
    }

    /**
     * {@return a copy}
     *
     * @param on true to compare types
     */
    public AutogenerateOptions compareType(boolean on) {
        return new AutogenerateOptions(on, compareServerDefault, includeTable, renderAsBatch, schema);
    }

    /**
     * {@return a copy}
     *
     * @param on true to compare server defaults
     */
    public AutogenerateOptions compareServerDefault(boolean on) {
        return new AutogenerateOptions(compareType, on, includeTable, renderAsBatch, schema);
    }

    /**
     * {@return a copy}
     *
     * @param on true to always write batch blocks, false never
     */
    public AutogenerateOptions renderAsBatch(boolean on) {
        return new AutogenerateOptions(compareType, compareServerDefault, includeTable, on, schema);
    }
}
