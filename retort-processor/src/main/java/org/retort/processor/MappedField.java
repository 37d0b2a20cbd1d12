package org.retort.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One mapped field of an entity, as the metamodel writes it: a column ({@code ColumnAttribute}) or, when
 * {@link #target()} is set, a relationship ({@code RelationshipAttribute}).
 *
 * @param field the field
 * @param declaredIn the class that declares it: the entity or one of its superclasses
 * @param type the field's type as a member of the entity (type arguments of generic superclasses applied)
 * @param target for a {@code @Relationship} field, the related class: the element type of a {@code List},
 *     {@code Set} or {@code Collection}, the value type of a {@code Map}, or the field's own type; null for a
 *     column
 */
record MappedField(VariableElement field, TypeElement declaredIn, TypeMirror type, TypeElement target) {
    /** A column field. */
    MappedField(VariableElement field, TypeElement declaredIn, TypeMirror type) {
        this(field, declaredIn, type, null);
    }

    /** {@return true for a {@code @Relationship} field} */
    boolean isRelationship() {
        return target != null;
    }

    /**
     * {@return this field as a relationship to a class}
     *
     * @param related the related class
     */
    MappedField relationshipTo(TypeElement related) {
        return new MappedField(field, declaredIn, type, related);
    }

    /** {@return the field name, which is also the attribute name} */
    String name() {
        return field.getSimpleName().toString();
    }
}
