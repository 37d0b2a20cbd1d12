package org.retort.schema;

import java.util.Objects;

/**
 * Puts a table in a named schema (a PostgreSQL schema, a MySQL database), overriding the MetaData's default.
 *
 * @param name the schema name
 */
public record SchemaName(String name) implements TableElement {

    /**
     * Checks the name.
     *
     * @param name the schema name
     */
    public SchemaName {
        Objects.requireNonNull(name, "name");
    }
}
