package org.retort.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * What the processor learned about one {@code @Entity} class: where its metamodel class goes and which fields
 * it holds attributes for, in order (superclass fields first, each class's in declaration order).
 *
 * @param entity the entity class
 * @param packageName its package, empty for the unnamed package
 * @param metamodelName the simple name of the metamodel class: {@code User_}, {@code Outer_Inner_}
 * @param fields the mapped fields
 */
record EntityModel(TypeElement entity, String packageName, String metamodelName, List<MappedField> fields) {
    EntityModel {
        fields = List.copyOf(fields);
    }

    /** @return the metamodel class's qualified name */
    String metamodelQualifiedName() {
        return packageName.isEmpty() ? metamodelName : packageName + "." + metamodelName;
    }
}
