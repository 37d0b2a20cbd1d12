package org.retort.schema;


/**
 * {@code DROP SEQUENCE name}.
 *
 * @param sequence the sequence
 */
public record DropSequence(Sequence sequence) implements DdlElement {

}
