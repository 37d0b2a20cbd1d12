package org.retort.inspect;

import java.util.List;

/**
 * A unique constraint as the database describes it.
 *
 * @param name the constraint name, or null
 * @param columns the columns
 */
public record ReflectedUnique(String name, List<String> columns) {
}
