package org.retort.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One mapped field of an entity, as the metamodel writes it.
 *
 * @param field the field
 * @param declaredIn the class that declares it: the entity or one of its superclasses
 * @param type the field's type as a member of the entity (type arguments of generic superclasses applied)
 */
record MappedField(VariableElement field, TypeElement declaredIn, TypeMirror type) {
    /** @return the field name, which is also the attribute name */
    String name() {
        return field.getSimpleName().toString();
    }
}
