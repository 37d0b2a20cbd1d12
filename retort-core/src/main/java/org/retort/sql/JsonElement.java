package org.retort.sql;

import java.util.List;
import org.retort.types.SqlType;

/**
 * An element of a JSON document: {@code doc -> 'key'}, {@code doc ->> 'key'}, {@code doc #> '{a,b}'} on
 * PostgreSQL; {@code JSON_EXTRACT(doc, '$."key"')} on MySQL and SQLite; {@code JSON_QUERY}/{@code JSON_VALUE} on
 * SQL Server and Oracle. Built with {@link Json}. The keys and the JSON path are both bind parameters; each
 * dialect renders the form it needs.
 *
 * @param document the JSON expression
 * @param keys the keys (strings) and array indexes (integers), one bind parameter each
 * @param jsonPath the same path as one JSONPath string ({@code $."a"[0]}), bound
 * @param asText true for the element as text ({@code ->>}), false for the element as JSON ({@code ->})
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record JsonElement<T>(Expression<?> document, List<Expression<?>> keys, Expression<String> jsonPath,
                             boolean asText, SqlType<T> type) implements Expression<T> {

    /**
     * Creates the element.
     *
     * @param document the document
     * @param keys the path's keys and indexes
     * @param jsonPath the JSONPath string
     * @param asText whether the element is read as text
     * @param type the result type
     */
    public JsonElement {
        keys = List.copyOf(keys);
    }

    /** {@return the expression as generic SQL with {@code :name} parameters} */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
