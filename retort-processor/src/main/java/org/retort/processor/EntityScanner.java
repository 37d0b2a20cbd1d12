package org.retort.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks that an {@code @Entity} element is a class the metamodel can refer to, and collects its mapped fields:
 * the non-static, non-transient fields of the class and of its superclasses below {@code Object}, superclass
 * fields first. Problems are reported through the {@link Messager} on the element they concern.
 */
final class EntityScanner {
    static final String ENTITY = "org.retort.orm.annotation.Entity";
    static final String MAPPED_COLUMN = "org.retort.orm.annotation.MappedColumn";
    static final String TRANSIENT = "org.retort.orm.annotation.Transient";
    /** The simple name the metamodel uses for its attribute type, so no attribute may have it. */
    static final String ATTRIBUTE_TYPE = "ColumnAttribute";

    private final Elements elements;
    private final Types types;
    private final Messager messager;

    EntityScanner(Elements elements, Types types, Messager messager) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
    }

    /**
     * Scans one class annotated {@code @Entity}.
     *
     * @param entity the annotated element
     * @return the model, a failure already reported, or a request to retry next round
     */
    Scan scan(TypeElement entity) {
        if (!checkShape(entity)) {
            return Scan.failed();
        }
        List<TypeElement> hierarchy = new ArrayList<>();
        TypeElement cls = entity;
        while (true) {
            hierarchy.addFirst(cls);
            TypeMirror superclass = cls.getSuperclass();
            if (superclass.getKind() == TypeKind.ERROR) {
                return Scan.retryLater("the superclass " + superclass + " of " + cls.getQualifiedName());
            }
            if (superclass.getKind() != TypeKind.DECLARED) {
                break;
            }
            TypeElement next = (TypeElement) types.asElement(superclass);
            if (next.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            cls = next;
        }
        DeclaredType entityType = (DeclaredType) entity.asType();
        List<MappedField> candidates = new ArrayList<>();
        for (TypeElement declaring : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                if (isMapped(field)) {
                    TypeMirror type = types.asMemberOf(entityType, field);
                    if (unresolved(type)) {
                        return Scan.retryLater("the type " + type + " of field " + field.getSimpleName() + " in "
                                + declaring.getQualifiedName());
                    }
                    candidates.add(new MappedField(field, declaring, type));
                }
            }
        }
        String packageName = elements.getPackageOf(entity).getQualifiedName().toString();
        List<MappedField> fields = new ArrayList<>();
        Map<String, MappedField> byName = new HashMap<>();
        boolean ok = true;
        for (MappedField candidate : candidates) {
            String skipped = whyNotAColumn(candidate.type(), packageName);
            if (skipped != null) {
                messager.printMessage(Diagnostic.Kind.NOTE, "Retort metamodel: no attribute for field "
                        + candidate.name() + " of " + entity.getQualifiedName() + ": " + skipped, candidate.field());
            } else {
                ok &= checkName(entity, candidate, byName.putIfAbsent(candidate.name(), candidate));
                fields.add(candidate);
            }
        }
        if (!ok) {
            return Scan.failed();
        }
        return Scan.of(new EntityModel(entity, packageName, metamodelName(entity), fields));
    }

    private boolean checkShape(TypeElement entity) {
        String name = entity.getQualifiedName().toString();
        String problem = switch (entity.getKind()) {
            case INTERFACE -> "interface " + name + " cannot be an @Entity: only classes are mapped; annotate a class "
                    + "that implements it instead";
            case ANNOTATION_TYPE -> "annotation type " + name + " cannot be an @Entity: only classes are mapped";
            case ENUM -> "enum " + name + " cannot be an @Entity: an enum is a column value type, not a table; use it "
                    + "as the type of a field of an entity";
            case RECORD -> "record " + name + " cannot be an @Entity: an entity needs a no-argument constructor and "
                    + "fields the ORM can assign; declare it as a class";
            default -> null;
        };
        if (problem == null && entity.getKind() != ElementKind.CLASS) {
            problem = entity + " cannot be an @Entity: only classes are mapped";
        }
        if (problem == null) {
            problem = switch (entity.getNestingKind()) {
                case LOCAL, ANONYMOUS -> "local class " + entity.getSimpleName() + " cannot be an @Entity: the "
                        + "metamodel cannot refer to it; make it a top-level or static nested class";
                case MEMBER -> entity.getModifiers().contains(Modifier.STATIC) ? null : "inner class " + name
                        + " cannot be an @Entity: the ORM cannot create it without an instance of "
                        + entity.getEnclosingElement().getSimpleName() + "; declare it static";
                case TOP_LEVEL -> null;
            };
        }
        if (problem == null) {
            for (Element e = entity; e instanceof TypeElement t; e = e.getEnclosingElement()) {
                if (t.getModifiers().contains(Modifier.PRIVATE)) {
                    problem = "@Entity class " + name + " is not visible in its package because "
                            + (t == entity ? "it is" : t.getQualifiedName() + " is") + " private, so its metamodel "
                            + metamodelName(entity) + " cannot refer to it; make it package-private or wider";
                    break;
                }
            }
        }
        if (problem == null && !entity.getTypeParameters().isEmpty()) {
            problem = "@Entity class " + name + " declares type parameters <" + String.join(", ",
                    entity.getTypeParameters().stream().map(p -> p.getSimpleName().toString()).toList()) + ">: a mapped class must be concrete; map a non-generic subclass instead";
        }
        if (problem != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, problem, entity);
            return false;
        }
        return true;
    }

    private static boolean isMapped(VariableElement field) {
        if (field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)) {
            return false;
        }
        return field.getAnnotationMirrors().stream().noneMatch(a -> ((TypeElement) a.getAnnotationType().asElement())
                .getQualifiedName().contentEquals(TRANSIENT));
    }

    private boolean checkName(TypeElement entity, MappedField field, MappedField earlier) {
        String metamodel = metamodelName(entity);
        String problem = null;
        if (earlier != null) {
            problem = "field " + field.name() + " of " + field.declaredIn().getQualifiedName() + " clashes with field "
                    + earlier.name() + " of " + earlier.declaredIn().getQualifiedName() + ": the metamodel " + metamodel
                    + " holds one attribute per name; rename one of them or mark one @Transient";
        } else if (field.name().equals(ATTRIBUTE_TYPE)) {
            problem = "field " + field.name() + " of " + field.declaredIn().getQualifiedName() + " clashes with the "
                    + "type " + ATTRIBUTE_TYPE + " that the metamodel " + metamodel + " uses for its attributes; "
                    + "rename the field";
        }
        if (problem != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, problem, field.field());
            return false;
        }
        return true;
    }

    private static boolean unresolved(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> unresolved(((ArrayType) type).getComponentType());
            default -> false;
        };
    }

    /** Why a field type gets no column attribute, or null when it gets one. */
    private String whyNotAColumn(TypeMirror type, String packageName) {
        return switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> null;
            case ARRAY -> whyNotAColumn(((ArrayType) type).getComponentType(), packageName);
            case DECLARED -> whyNotAColumn((DeclaredType) type, packageName);
            case TYPEVAR -> "its type " + type + " is a type variable; give the entity a concrete superclass type";
            default -> "its type " + type + " is not a column type";
        };
    }

    private String whyNotAColumn(DeclaredType type, String packageName) {
        TypeElement element = (TypeElement) type.asElement();
        if (!element.getTypeParameters().isEmpty() || isParameterized(type.getEnclosingType())) {
            return "its type " + type + " is generic: collections and relationships are not generated yet";
        }
        if (element.getAnnotationMirrors().stream().anyMatch(a -> ((TypeElement) a.getAnnotationType().asElement())
                .getQualifiedName().contentEquals(ENTITY))) {
            return "its type " + element.getQualifiedName() + " is an entity: relationships are not generated yet";
        }
        for (Element e = element; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            Element pkg = e;
            while (!(pkg instanceof PackageElement)) {
                pkg = pkg.getEnclosingElement();
            }
            boolean samePackage = ((PackageElement) pkg).getQualifiedName().contentEquals(packageName);
            if (t.getModifiers().contains(Modifier.PRIVATE)
                    || (!t.getModifiers().contains(Modifier.PUBLIC) && !samePackage)) {
                return "its type " + element.getQualifiedName() + " is not visible from package '" + packageName
                        + "', where the metamodel class is";
            }
        }
        return null;
    }

    private static boolean isParameterized(TypeMirror enclosing) {
        return enclosing.getKind() == TypeKind.DECLARED && !((DeclaredType) enclosing).getTypeArguments().isEmpty();
    }

    /**
     * The simple name of an entity's metamodel class: the names from the top-level class down, joined and
     * followed by {@code _}: {@code User_}, {@code Outer_Inner_}.
     *
     * @param entity the entity class
     * @return the name
     */
    static String metamodelName(TypeElement entity) {
        StringBuilder name = new StringBuilder();
        for (Element e = entity; e instanceof TypeElement; e = e.getEnclosingElement()) {
            name.insert(0, e.getSimpleName() + "_");
        }
        return name.toString();
    }
}
