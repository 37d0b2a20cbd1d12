package org.retort.sql;

import org.retort.types.SqlType;

/**
 * One bind parameter position in compiled SQL.
 *
 * @param name the parameter's name; values are looked up by it
 * @param type the parameter's type, whose binder sets the value
 * @param expanding true for an IN-list parameter whose collection value expands into one placeholder per element
 * @param literalExecute true when each execution writes the value into the SQL as an escaped literal instead of a
 *                       placeholder (see {@link BindParameter#withLiteralExecute()})
 * @param out true for an OUT parameter the database fills (Oracle's {@code RETURNING ... INTO ?}); it takes no
 *            value, and the engine registers it on a callable statement and reads it back after execution
 */
public record BindSlot(String name, SqlType<?> type, boolean expanding, boolean literalExecute, boolean out) {

    /**
     * An IN parameter bound to a placeholder.
     *
     * @param name the parameter's name
     * @param type the parameter's type
     * @param expanding true for an expanding IN-list parameter
     */
    public BindSlot(String name, SqlType<?> type, boolean expanding) {
        this(name, type, expanding, false, false);
    }

    /**
     * An IN parameter.
     *
     * @param name the parameter's name
     * @param type the parameter's type
     * @param expanding true for an expanding IN-list parameter
     * @param literalExecute true when its value is written into the SQL at each execution
     */
    public BindSlot(String name, SqlType<?> type, boolean expanding, boolean literalExecute) {
        this(name, type, expanding, literalExecute, false);
    }

    /**
     * An OUT parameter (Oracle's {@code RETURNING ... INTO ?}).
     *
     * @param name the parameter's name
     * @param type the type of the value the database returns
     * @return the slot
     */
    public static BindSlot outParameter(String name, SqlType<?> type) {
        return new BindSlot(name, type, false, false, true);
    }
}
