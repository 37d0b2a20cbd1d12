package org.retort.schema;


/**
 * {@code ALTER TABLE t ADD CONSTRAINT ...}: how foreign keys in a dependency cycle are added after CREATE TABLE.
 *
 * @param constraint the bound constraint
 */
public record AddConstraint(Constraint constraint) implements DdlElement {

}
