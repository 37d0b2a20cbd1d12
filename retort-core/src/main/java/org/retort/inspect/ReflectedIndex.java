package org.retort.inspect;

import java.util.List;

/**
 * An index as the database describes it (indexes that back a primary key or unique constraint are left out).
 *
 * @param name the index name
 * @param columns the indexed columns; an expression's position holds null
 * @param expressions the SQL of each element: the quoted column name, or the expression
 * @param unique true for UNIQUE
 * @param where the partial index predicate, or null
 */
public record ReflectedIndex(String name, List<String> columns, List<String> expressions, boolean unique,
                             String where) {
}
