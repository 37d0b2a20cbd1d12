package org.retort.types;

import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.exc.NoSuchModuleException;

/**
 * A JSON document, read and written through Jackson as a {@code JsonNode} or as a class Jackson maps
 * ({@code JSON(Address.class)}). Stored as {@code JSON} (PostgreSQL, MySQL/MariaDB, SQLite, H2), {@code JSONB}
 * when {@code binary} is set on PostgreSQL, {@code CLOB} on Oracle and {@code NVARCHAR(max)} on SQL Server.
 * A Java null is SQL NULL.
 *
 * <p>Needs {@code com.fasterxml.jackson.core:jackson-databind} on the class path; creating the type without it
 * fails naming the dependency.
 *
 * @param javaType the class values are mapped to ({@code JsonNode} for the tree)
 * @param binary true for PostgreSQL's {@code JSONB}
 * @param <T> the Java type of the values
 */
public record JsonType<T>(Class<T> javaType, boolean binary) implements SqlType<T> {

    /**
     * Checks that Jackson is available.
     *
     * @param javaType the class values are mapped to ({@code JsonNode} for the tree)
     * @param binary true for PostgreSQL's {@code JSONB}
     */
    public JsonType {
        Objects.requireNonNull(javaType, "javaType");
        requireJackson();
    }

    static void requireJackson() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, JsonType.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new NoSuchModuleException("The JSON type needs Jackson: add the dependency "
                    + "com.fasterxml.jackson.core:jackson-databind", e);
        }
    }

    @Override
    public String name() {
        return binary ? "JSONB" : "JSON";
    }

    @Override
    public ValueBinder<T> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<T> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
