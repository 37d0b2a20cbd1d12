package org.retort.schema;

import org.retort.types.EnumType;

/**
 * PostgreSQL's {@code CREATE TYPE name AS ENUM ('A', 'B')}, emitted before the tables using the type.
 *
 * @param type the enum type
 * @param schema the schema, or null
 */
public record CreateEnumType(EnumType<?> type, String schema) implements DdlElement {

}
