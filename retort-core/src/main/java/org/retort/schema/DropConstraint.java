package org.retort.schema;


/**
 * {@code ALTER TABLE t DROP CONSTRAINT name} ({@code DROP FOREIGN KEY} on MySQL).
 *
 * @param constraint the bound, named constraint
 */
public record DropConstraint(Constraint constraint) implements DdlElement {

}
