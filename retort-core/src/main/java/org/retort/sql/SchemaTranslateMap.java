package org.retort.sql;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.retort.exc.ArgumentException;

/**
 * Schema names replaced at compile time (SQLAlchemy's {@code schema_translate_map} execution option): a table
 * declared in schema {@code "tenant"} is written as {@code acme.t} under {@code {"tenant": "acme"}}, and a table of
 * the default schema (schema {@code null}) is qualified as {@code acme.t} under {@code {null: "acme"}}; mapping a
 * schema to {@code null} writes its tables unqualified. A schema the map does not name is written as declared.
 *
 * <p>Applies to the tables (and sequences) of SELECT, INSERT, UPDATE, DELETE and DDL; {@code text()} is written as
 * given. Set it with {@code ExecutionOptions.schemaTranslateMap(...)} on an engine or connection; the compiled
 * cache keys each statement on the map in force, so one statement under two maps never reuses the other's SQL.
 * Immutable, with value equality.
 */
public final class SchemaTranslateMap {
    private static final SchemaTranslateMap EMPTY = new SchemaTranslateMap(Collections.emptyMap());
    private final Map<String, String> map;

    private SchemaTranslateMap(Map<String, String> map) {
        this.map = map;
    }

    /** {@return the map that translates nothing} */
    public static SchemaTranslateMap empty() {
        return EMPTY;
    }

    /**
     * A translation from a map whose keys are the declared schema names ({@code null} for the default schema) and
     * whose values are the names to write ({@code null} for none).
     *
     * @param map the translations; may hold a {@code null} key and {@code null} values
     * @return the translation
     * @throws ArgumentException when a name is empty
     */
    public static SchemaTranslateMap of(Map<String, String> map) {
        Objects.requireNonNull(map, "map");
        Map<String, String> copy = new HashMap<>(map);
        for (Map.Entry<String, String> e : copy.entrySet()) {
            if ("".equals(e.getKey()) || "".equals(e.getValue())) {
                throw new ArgumentException("schemaTranslateMap " + map + " holds an empty schema name; use null for "
                        + "the default schema");
            }
        }
        return copy.isEmpty() ? EMPTY : new SchemaTranslateMap(Collections.unmodifiableMap(copy));
    }

    /** {@return true when nothing is translated} */
    public boolean isEmpty() {
        return map.isEmpty();
    }

    /**
     * The schema to write for a declared one.
     *
     * @param declared the table's schema, or null for the default schema
     * @return the schema to write, or null to write the name unqualified
     */
    public String translate(String declared) {
        if (map.isEmpty()) {
            return declared;
        }
        return map.containsKey(declared) ? map.get(declared) : declared;
    }

    /** {@return the translations, read-only; the {@code null} key stands for the default schema} */
    public Map<String, String> asMap() {
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaTranslateMap s && map.equals(s.map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return "SchemaTranslateMap" + map;
    }
}
