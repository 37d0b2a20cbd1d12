package org.retort.schema;


/**
 * {@code COMMENT ON COLUMN t.c IS '...'} (PostgreSQL, H2, Oracle).
 *
 * @param column the column, which has a comment
 */
public record SetColumnComment(Column<?> column) implements DdlElement {

}
