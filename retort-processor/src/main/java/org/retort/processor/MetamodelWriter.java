package org.retort.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Renders the source text of one metamodel class: a final class with a private constructor and, per mapped
 * field, {@code public static final ColumnAttribute<User, String> name = ColumnAttribute.of(User.class, "name",
 * String.class);}. Primitive field types are boxed; arrays keep their component type ({@code byte[]}). A
 * relationship field gets {@code public static final RelationshipAttribute<User, Address> addresses =
 * RelationshipAttribute.of(User.class, "addresses", Address.class);}, typed by the related class.
 */
final class MetamodelWriter {
    static final String ATTRIBUTE_PACKAGE = "org.retort.orm.metamodel";
    static final String GENERATED_PACKAGE = "javax.annotation.processing";
    static final String GENERATOR = MetamodelProcessor.class.getName();

    private final Types types;

    MetamodelWriter(Types types) {
        this.types = types;
    }

    /**
     * The source text of a metamodel class.
     *
     * @param model the entity and its mapped fields
     * @param generatedAnnotation whether to mark the class {@code @javax.annotation.processing.Generated}
     * @param typeExists whether a type of that qualified name is visible to the compilation
     * @return the Java source
     */
    String write(EntityModel model, boolean generatedAnnotation, Predicate<String> typeExists) {
        TypeNames names = new TypeNames(model.packageName(), model.metamodelName(), typeExists);
        String attributeType = model.fields().stream().allMatch(MappedField::isRelationship) ? null
                : names.reference(ATTRIBUTE_PACKAGE, EntityScanner.ATTRIBUTE_TYPE);
        String relationshipType = model.fields().stream().noneMatch(MappedField::isRelationship) ? null
                : names.reference(ATTRIBUTE_PACKAGE, EntityScanner.RELATIONSHIP_TYPE);
        String generated = generatedAnnotation ? names.reference(GENERATED_PACKAGE, "Generated") : null;
        String entity = names.reference(model.entity());
        List<String> body = new ArrayList<>();
        for (MappedField field : model.fields()) {
            String type = field.isRelationship() ? names.reference(field.target()) : render(field.type(), names);
            String kind = field.isRelationship() ? relationshipType : attributeType;
            String doc = field.declaredIn().equals(model.entity())
                    ? "{@link " + entity + "#" + field.name() + "}."
                    : "{@link " + field.declaredIn().getQualifiedName() + "#" + field.name() + "}, inherited.";
            body.add("");
            body.add("    /** " + doc + " */");
            body.add("    public static final " + kind + "<" + entity + ", " + type + "> " + field.name()
                    + " = " + kind + ".of(" + entity + ".class, \"" + field.name() + "\", " + type
                    + ".class);");
        }

        StringBuilder out = new StringBuilder();
        if (!model.packageName().isEmpty()) {
            out.append("package ").append(model.packageName()).append(";\n\n");
        }
        for (String imported : names.imports()) {
            out.append("import ").append(imported).append(";\n");
        }
        out.append("\n/** Metamodel of {@link ").append(entity).append("}: one attribute per mapped field. */\n");
        if (generated != null) {
            out.append('@').append(generated).append("(\"").append(GENERATOR).append("\")\n");
        }
        out.append("public final class ").append(model.metamodelName()).append(" {\n");
        out.append("    private ").append(model.metamodelName()).append("() {\n    }\n");
        for (String line : body) {
            out.append(line).append('\n');
        }
        out.append("}\n");
        return out.toString();
    }

    /** The source text of a field's type as a type argument: boxed when primitive, {@code byte[]} for arrays. */
    private String render(TypeMirror type, TypeNames names) {
        if (type instanceof PrimitiveType primitive) {
            return names.reference(types.boxedClass(primitive));
        }
        if (type instanceof ArrayType array) {
            TypeMirror component = array.getComponentType();
            return (component.getKind().isPrimitive() ? component.getKind().name().toLowerCase(Locale.ROOT) : render(component, names)) + "[]";
        }
        return names.reference((TypeElement) ((DeclaredType) type).asElement());
    }
}
