package org.retort.inspect;

import java.util.List;
import java.util.Map;

/**
 * An index as the database describes it (indexes that back a primary key or unique constraint are left out).
 *
 * @param name the index name
 * @param columns the indexed columns; an expression's position holds null
 * @param expressions the SQL of each element: the quoted column name, or the expression
 * @param unique true for UNIQUE
 * @param where the partial index predicate, or null
 * @param dialectOptions options as {@link org.retort.schema.Index#dialectOption} takes them, e.g.
 *                       {@code postgresql_using=gin}; empty when the index uses the defaults
 */
public record ReflectedIndex(String name, List<String> columns, List<String> expressions, boolean unique,
                             String where, Map<String, Object> dialectOptions) {

    /**
     * An index without dialect options.
     *
     * @param name the index name
     * @param columns the indexed columns; an expression's position holds null
     * @param expressions the SQL of each element
     * @param unique true for UNIQUE
     * @param where the partial index predicate, or null
     */
    public ReflectedIndex(String name, List<String> columns, List<String> expressions, boolean unique, String where) {
        this(name, columns, expressions, unique, where, Map.of());
    }
}
