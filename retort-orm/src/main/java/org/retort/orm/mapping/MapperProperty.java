package org.retort.orm.mapping;

/**
 * One mapped attribute of an entity class: a {@link ColumnProperty} or a {@link RelationshipProperty}. The
 * hierarchy is sealed, so code that handles properties (the flush, the loader) switches over it exhaustively
 * and a new kind of property makes the compiler list every place to update.
 */
public sealed interface MapperProperty permits ColumnProperty, RelationshipProperty {
    /** {@return the attribute name: the Java field name} */
    String name();

    /** {@return the field's declared Java type} */
    Class<?> fieldType();

    /**
     * Reads the field of an instance.
     *
     * @param instance the entity
     * @return the field's value, boxed
     */
    Object get(Object instance);
}
