package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;
import org.retort.sql.internal.LiteralTypes;
import org.retort.types.SqlType;

/**
 * JSON operators (SQLAlchemy's {@code JSON} and PostgreSQL {@code JSONB} comparators). Element access renders on
 * every database that has JSON functions; the containment and key-existence tests are PostgreSQL's JSONB
 * operators and other dialects refuse them at compile time.
 *
 * <pre>{@code
 * Json.getText(doc, "name")             // PostgreSQL doc ->> ?     MySQL JSON_UNQUOTE(JSON_EXTRACT(doc, ?))
 * Json.path(doc, "tags", 0)             // PostgreSQL doc #> CAST(ARRAY[?, ?] AS TEXT[])
 * Json.contains(doc, Map.of("a", 1))    // PostgreSQL doc @> ?
 * }</pre>
 */
public final class Json {
    private Json() {
    }

    /**
     * The element under a key (a string) or at an index (an integer), as JSON: {@code doc -> key}.
     *
     * @param document the JSON expression
     * @param key the key or index
     * @return the element
     */
    public static JsonElement<Object> get(Expression<?> document, Object key) {
        return element(document, List.of(key), false);
    }

    /**
     * The element under a key or at an index, as text: {@code doc ->> key}.
     *
     * @param document the JSON expression
     * @param key the key or index
     * @return the element's text
     */
    public static JsonElement<String> getText(Expression<?> document, Object key) {
        return element(document, List.of(key), true);
    }

    /**
     * The element at a path of keys and indexes, as JSON: {@code doc #> '{a,0}'}.
     *
     * @param document the JSON expression
     * @param keys the keys and indexes, outermost first
     * @return the element
     */
    public static JsonElement<Object> path(Expression<?> document, Object... keys) {
        return element(document, List.of(keys), false);
    }

    /**
     * The element at a path, as text: {@code doc #>> '{a,0}'}.
     *
     * @param document the JSON expression
     * @param keys the keys and indexes, outermost first
     * @return the element's text
     */
    public static JsonElement<String> pathText(Expression<?> document, Object... keys) {
        return element(document, List.of(keys), true);
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonElement<T> element(Expression<?> document, List<Object> keys, boolean asText) {
        if (keys.isEmpty()) {
            throw new ArgumentException("A JSON path needs at least one key or index");
        }
        List<Expression<?>> params = new ArrayList<>();
        StringBuilder path = new StringBuilder("$");
        for (Object k : keys) {
            switch (k) {
                case String s -> {
                    params.add(new BindParameter<>("key", s, LiteralTypes.forClass(String.class), false, true, true));
                    path.append(".\"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                case Integer i -> {
                    params.add(new BindParameter<>("index", i, LiteralTypes.forClass(Integer.class), false, true, true));
                    path.append('[').append(i).append(']');
                }
                default -> throw new ArgumentException("JSON path elements are String keys or Integer indexes, got "
                        + (k == null ? "null" : k.getClass().getName() + " " + k));
            }
        }
        SqlType<String> text = (SqlType<String>) LiteralTypes.forClass(String.class);
        BindParameter<String> jsonPath = new BindParameter<>("path", path.toString(), text, false, true, true);
        SqlType<?> type = asText ? text : org.retort.types.NullType.INSTANCE;
        return new JsonElement<>(document, params, jsonPath, asText, (SqlType<T>) type);
    }

    /**
     * {@code doc @> other}: the document contains the other document (PostgreSQL JSONB).
     *
     * @param document the JSONB expression
     * @param other a JSONB expression, or a value bound with the document's type
     * @return the test
     */
    public static Expression<Boolean> contains(Expression<?> document, Object other) {
        return new BinaryExpression<>(document, Operator.CONTAINS, Coercions.operand(document, other), LiteralTypes.booleanType());
    }

    /**
     * {@code doc <@ other}: the document is contained in the other (PostgreSQL JSONB).
     *
     * @param document the JSONB expression
     * @param other a JSONB expression or value
     * @return the test
     */
    public static Expression<Boolean> containedBy(Expression<?> document, Object other) {
        return new BinaryExpression<>(document, Operator.CONTAINED_BY, Coercions.operand(document, other),
                LiteralTypes.booleanType());
    }

    /**
     * {@code doc ? key}: the document has the top-level key (PostgreSQL JSONB).
     *
     * @param document the JSONB expression
     * @param key the key
     * @return the test
     */
    public static Expression<Boolean> hasKey(Expression<?> document, String key) {
        return new BinaryExpression<>(document, Operator.HAS_KEY,
                new BindParameter<>("key", key, LiteralTypes.forClass(String.class), false, true, true),
                LiteralTypes.booleanType());
    }

    /**
     * {@code doc ?| keys}: the document has any of the keys (PostgreSQL JSONB).
     *
     * @param document the JSONB expression
     * @param keys the keys
     * @return the test
     */
    public static Expression<Boolean> hasAny(Expression<?> document, String... keys) {
        return new BinaryExpression<>(document, Operator.HAS_ANY, textArray(keys), LiteralTypes.booleanType());
    }

    /**
     * {@code doc ?& keys}: the document has all of the keys (PostgreSQL JSONB).
     *
     * @param document the JSONB expression
     * @param keys the keys
     * @return the test
     */
    public static Expression<Boolean> hasAll(Expression<?> document, String... keys) {
        return new BinaryExpression<>(document, Operator.HAS_ALL, textArray(keys), LiteralTypes.booleanType());
    }

    private static Expression<?> textArray(String... keys) {
        if (keys.length == 0) {
            throw new ArgumentException("Name at least one key");
        }
        return new BindParameter<>("keys", List.of(keys), org.retort.types.Types.ARRAY(org.retort.types.Types.TEXT),
                false, true, true);
    }
}
