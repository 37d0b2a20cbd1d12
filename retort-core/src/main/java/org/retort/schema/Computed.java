package org.retort.schema;

import java.util.Objects;

/**
 * A generated column, {@code GENERATED ALWAYS AS (expr) [STORED|VIRTUAL]} (SQLAlchemy's {@code Computed}).
 * PostgreSQL stores generated columns only; Oracle computes them only; SQL Server spells it
 * {@code AS (expr) [PERSISTED]}.
 *
 * @param sql the SQL expression
 * @param persisted true for STORED, false for VIRTUAL, null for the database's default
 */
public record Computed(String sql, Boolean persisted) implements ColumnOption {

    /**
     * Checks the expression.
     *
     * @param sql the SQL expression
     * @param persisted true for STORED, false for VIRTUAL, null for the database's default
     */
    public Computed {
        Objects.requireNonNull(sql, "sql");
    }
}
