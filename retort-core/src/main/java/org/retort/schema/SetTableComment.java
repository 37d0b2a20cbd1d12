package org.retort.schema;


/**
 * {@code COMMENT ON TABLE t IS '...'} (PostgreSQL, H2, Oracle).
 *
 * @param table the table, which has a comment
 */
public record SetTableComment(Table table) implements DdlElement {

}
