package org.retort.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
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
 * fields first. A field annotated {@code @Relationship} becomes a relationship attribute whose target is the
 * element type of its {@code List}/{@code Set}/{@code Collection}, the value type of its {@code Map}, or its own
 * type. Problems are reported through the {@link Messager} on the element they concern.
 */
final class EntityScanner {
    static final String ENTITY = "org.retort.orm.annotation.Entity";
    static final String MAPPED_COLUMN = "org.retort.orm.annotation.MappedColumn";
    static final String TRANSIENT = "org.retort.orm.annotation.Transient";
    static final String RELATIONSHIP = "org.retort.orm.annotation.Relationship";
    /** The simple name the metamodel uses for its column attribute type, so no attribute may have it. */
    static final String ATTRIBUTE_TYPE = "ColumnAttribute";
    /** The simple name the metamodel uses for its relationship attribute type, so no attribute may have it. */
    static final String RELATIONSHIP_TYPE = "RelationshipAttribute";
    /** The collection interfaces a relationship may be declared as, by qualified name. */
    private static final List<String> ELEMENT_COLLECTIONS = List.of("java.util.List", "java.util.Set",
            "java.util.Collection");
    private static final String MAP = "java.util.Map";

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
                    if (unresolved(type) || (isAnnotated(field, RELATIONSHIP) && type instanceof DeclaredType d
                            && d.getTypeArguments().stream().anyMatch(EntityScanner::unresolved))) {
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
            MappedField attribute = candidate;
            String skipped;
            if (isAnnotated(candidate.field(), RELATIONSHIP)) {
                String error = relationshipError(entity, candidate);
                if (error != null) {
                    messager.printMessage(Diagnostic.Kind.ERROR, error, candidate.field());
                    ok = false;
                    continue;
                }
                attribute = candidate.relationshipTo(relationshipTarget((DeclaredType) candidate.type()));
                skipped = whyNotVisible(attribute.target(), packageName);
            } else {
                skipped = whyNotAColumn(candidate.type(), packageName);
            }
            if (skipped != null) {
                messager.printMessage(Diagnostic.Kind.NOTE, "Retort metamodel: no attribute for field "
                        + candidate.name() + " of " + entity.getQualifiedName() + ": " + skipped, candidate.field());
            } else {
                ok &= checkName(entity, attribute, byName.putIfAbsent(attribute.name(), attribute));
                fields.add(attribute);
            }
        }
        ok &= checkTypeNames(entity, fields);
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
        return !isAnnotated(field, TRANSIENT);
    }

    private static boolean isAnnotated(Element element, String annotation) {
        return annotationOn(element, annotation) != null;
    }

    private static AnnotationMirror annotationOn(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                return mirror;
            }
        }
        return null;
    }

    private boolean checkName(TypeElement entity, MappedField field, MappedField earlier) {
        if (earlier == null) {
            return true;
        }
        messager.printMessage(Diagnostic.Kind.ERROR, "field " + field.name() + " of "
                + field.declaredIn().getQualifiedName() + " clashes with field " + earlier.name() + " of "
                + earlier.declaredIn().getQualifiedName() + ": the metamodel " + metamodelName(entity) + " holds one "
                + "attribute per name; rename one of them or mark one @Transient", field.field());
        return false;
    }

    /** Fails on an attribute named like an attribute type that the metamodel refers to by simple name. */
    private boolean checkTypeNames(TypeElement entity, List<MappedField> fields) {
        boolean columns = fields.stream().anyMatch(f -> !f.isRelationship());
        boolean relationships = fields.stream().anyMatch(MappedField::isRelationship);
        boolean ok = true;
        for (MappedField field : fields) {
            if ((columns && field.name().equals(ATTRIBUTE_TYPE))
                    || (relationships && field.name().equals(RELATIONSHIP_TYPE))) {
                messager.printMessage(Diagnostic.Kind.ERROR, "field " + field.name() + " of "
                        + field.declaredIn().getQualifiedName() + " clashes with the type " + field.name() + " that "
                        + "the metamodel " + metamodelName(entity) + " uses for its attributes; rename the field",
                        field.field());
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Why a {@code @Relationship} field cannot be described, as a compile error (the ORM would refuse it at
     * {@code Registry} build with the same advice), or null when it can.
     */
    private String relationshipError(TypeElement entity, MappedField field) {
        String where = "@Relationship field " + field.name() + " of " + entity.getQualifiedName();
        if (isAnnotated(field.field(), MAPPED_COLUMN)) {
            return where + " is also @MappedColumn; map the foreign key column and the related object as two "
                    + "fields";
        }
        TypeMirror type = field.type();
        String shapes = "declare it as the related entity class (Author author) or as List<Target>, Set<Target>, "
                + "Collection<Target> or Map<Key, Target>";
        if (!(type instanceof DeclaredType declared)) {
            return where + " has type " + type + ", which holds no related objects; " + shapes;
        }
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        boolean map = name.equals(MAP);
        if (map || ELEMENT_COLLECTIONS.contains(name)) {
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            String form = element.getSimpleName() + (map ? "<Key, Target>" : "<Target>");
            if (arguments.isEmpty()) {
                return where + " needs its element type: declare it as " + form;
            }
            TypeMirror related = arguments.get(map ? 1 : 0);
            if (!(related instanceof DeclaredType relatedType) || !relatedType.getTypeArguments().isEmpty()) {
                return where + " holds " + related + ", which is not an entity class: declare it as " + form
                        + " with an @Entity class as Target";
            }
            if (map && !hasMapKey(field)) {
                return where + " is a Map; name the target attribute that keys it with "
                        + "@Relationship(mapKey = \"...\")";
            }
            return null;
        }
        if (isSubtypeOf(declared, "java.util.Collection") || isSubtypeOf(declared, MAP)) {
            return where + " is declared as " + element.getSimpleName() + "; declare it as List, Set, Collection or "
                    + "Map (the ORM puts its own lazy-loading collection into it)";
        }
        if (!declared.getTypeArguments().isEmpty()) {
            return where + " has the generic type " + type + ", which is not an entity class; " + shapes;
        }
        return null;
    }

    private boolean hasMapKey(MappedField field) {
        AnnotationMirror relationship = annotationOn(field.field(), RELATIONSHIP);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value
                : elements.getElementValuesWithDefaults(relationship).entrySet()) {
            if (value.getKey().getSimpleName().contentEquals("mapKey")) {
                return !value.getValue().getValue().toString().isEmpty();
            }
        }
        return false;
    }

    private boolean isSubtypeOf(DeclaredType type, String qualifiedName) {
        TypeElement supertype = elements.getTypeElement(qualifiedName);
        return supertype != null && types.isSubtype(types.erasure(type), types.erasure(supertype.asType()));
    }

    /** The related class of a relationship field that {@link #relationshipError} accepted. */
    private static TypeElement relationshipTarget(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals(MAP)) {
            return (TypeElement) ((DeclaredType) type.getTypeArguments().get(1)).asElement();
        }
        if (ELEMENT_COLLECTIONS.contains(name)) {
            return (TypeElement) ((DeclaredType) type.getTypeArguments().get(0)).asElement();
        }
        return element;
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
        boolean entity = isAnnotated(element, ENTITY);
        if (entity || isSubtypeOf(type, "java.util.Collection") || isSubtypeOf(type, MAP)) {
            return "its type " + (entity ? element.getQualifiedName() : type) + " holds related objects; annotate "
                    + "the field @Relationship to map a relationship (its metamodel attribute is then a "
                    + RELATIONSHIP_TYPE + "), or mark it @Transient";
        }
        if (!element.getTypeParameters().isEmpty() || isParameterized(type.getEnclosingType())) {
            return "its type " + type + " is generic, and column attributes are written for non-generic types only";
        }
        return whyNotVisible(element, packageName);
    }

    /** Why the metamodel class cannot name a type, or null when it can. */
    private static String whyNotVisible(TypeElement element, String packageName) {
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
