package org.retort.schema;

import java.util.Objects;

/**
 * A default the database applies, written as SQL text in the column's DDL ({@code DEFAULT now()}), or with
 * {@code onUpdate} set, a value the database changes on UPDATE (SQLAlchemy's {@code server_default} and
 * {@code server_onupdate}; MySQL renders the latter as {@code ON UPDATE ...}, other databases need a trigger and
 * Retort only records that the database changes the value).
 *
 * <p>The text is SQL, not a value: a string literal must carry its quotes, {@code serverDefault("'new'")}.
 *
 * @param sql the SQL expression
 * @param onUpdate true for a server-side ON UPDATE value
 */
public record ServerDefault(String sql, boolean onUpdate) implements ColumnOption {

    /**
     * Checks the text.
     *
     * @param sql the SQL expression
     * @param onUpdate true for a server-side ON UPDATE value
     */
    public ServerDefault {
        Objects.requireNonNull(sql, "sql");
    }
}
