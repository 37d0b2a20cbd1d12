package org.retort.schema;


/**
 * {@code CREATE SEQUENCE name ...}; fails to compile on databases without sequences.
 *
 * @param sequence the sequence
 */
public record CreateSequence(Sequence sequence) implements DdlElement {

}
