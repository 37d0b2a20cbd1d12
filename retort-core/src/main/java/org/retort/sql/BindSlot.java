package org.retort.sql;

import org.retort.types.SqlType;

/**
 * One bind parameter position in compiled SQL.
 *
 * @param name the parameter's name; values are looked up by it
 * @param type the parameter's type, whose binder sets the value
 * @param expanding true for an IN-list parameter whose collection value expands into one placeholder per element
 * @param out true for an OUT parameter the database fills (Oracle's {@code RETURNING ... INTO ?}); it takes no
 *            value, and the engine registers it on a callable statement and reads it back after execution
 */
public record BindSlot(String name, SqlType<?> type, boolean expanding, boolean out) {

    /**
     * An IN parameter.
     *
     * @param name the parameter's name
     * @param type the parameter's type
     * @param expanding true for an expanding IN-list parameter
     */
    public BindSlot(String name, SqlType<?> type, boolean expanding) {
        this(name, type, expanding, false);
    }
}
