package org.retort.orm.metamodel;

/**
 * A mapped attribute of an entity class, as it appears in the generated metamodel ({@code User_.name}).
 *
 * @param <E> the entity class
 * @param <T> the attribute's Java type
 */
public interface Attribute<E, T> {
    /** {@return the entity class that declares the attribute} */
    Class<E> entity();

    /** {@return the attribute's name: the Java field name} */
    String attributeName();

    /** {@return the attribute's Java type (boxed for primitives)} */
    Class<T> javaType();
}
