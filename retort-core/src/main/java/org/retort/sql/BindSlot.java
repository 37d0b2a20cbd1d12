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
 */
public record BindSlot(String name, SqlType<?> type, boolean expanding, boolean literalExecute) {

    /**
     * A slot whose value is bound to a placeholder.
     *
     * @param name the parameter's name
     * @param type the parameter's type
     * @param expanding true for an IN-list parameter
     */
    public BindSlot(String name, SqlType<?> type, boolean expanding) {
        this(name, type, expanding, false);
    }
}
