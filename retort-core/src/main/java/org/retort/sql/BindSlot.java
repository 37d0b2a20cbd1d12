package org.retort.sql;

import org.retort.types.SqlType;

/**
 * One bind parameter position in compiled SQL.
 *
 * @param name the parameter's name; values are looked up by it
 * @param type the parameter's type, whose binder sets the value
 * @param expanding true for an IN-list parameter whose collection value expands into one placeholder per element
 */
public record BindSlot(String name, SqlType<?> type, boolean expanding) {
}
