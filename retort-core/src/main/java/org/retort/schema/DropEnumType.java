package org.retort.schema;

import org.retort.types.EnumType;

/**
 * PostgreSQL's {@code DROP TYPE name}, emitted after the tables using the type.
 *
 * @param type the enum type
 * @param schema the schema, or null
 */
public record DropEnumType(EnumType<?> type, String schema) implements DdlElement {

}
