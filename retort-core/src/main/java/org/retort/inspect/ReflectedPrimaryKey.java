package org.retort.inspect;

import java.util.List;

/**
 * A primary key as the database describes it.
 *
 * @param name the constraint name, or null (SQLite, or none)
 * @param columns the key columns in key order; empty when the table has no primary key
 */
public record ReflectedPrimaryKey(String name, List<String> columns) {
}
