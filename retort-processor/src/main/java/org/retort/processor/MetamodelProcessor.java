package org.retort.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Writes the typed metamodel class of every {@code @org.retort.orm.annotation.Entity} class: for {@code User},
 * a class {@code User_} in the same package holding one
 * {@code public static final ColumnAttribute<User, T>} per mapped column field, so queries name columns with
 * checked types: {@code select(User.class).where(User_.name.eq("sandy"))}, and one
 * {@code public static final RelationshipAttribute<User, T>} per {@code @Relationship} field, for loader options,
 * joins and relationship comparators: {@code options(Load.selectinload(User_.addresses))},
 * {@code where(User_.addresses.any(Address_.city.eq("Paris")))}. A nested entity {@code Outer.Inner} gets
 * {@code Outer_Inner_}.
 *
 * <p>Mapped fields are the non-static, non-{@code transient}, non-{@code @Transient} fields of the class and of
 * its superclasses up to {@code Object}, superclass fields first, each class's in declaration order; primitive
 * types are boxed. The type argument {@code T} of a relationship attribute is the related class: the element
 * type of a {@code List<T>}, {@code Set<T>} or {@code Collection<T>} field, the value type of a
 * {@code Map<K, T>} field, or the field's type for a reference ({@code Address.user}). A collection or entity
 * typed field without {@code @Relationship}, and any other generic field, gets no attribute and a note saying
 * so. A {@code @Relationship} field the ORM would refuse (a raw {@code List}, an {@code ArrayList}, a
 * {@code Map} without {@code mapKey}, a field also {@code @MappedColumn}) is a compile error on the field, as is
 * an {@code @Entity} interface, enum, record, annotation type, inner (non-static), private or generic class.
 *
 * <p>Use it from javac with {@code -processorpath retort-processor.jar}, or from Maven through the compiler
 * plugin's {@code annotationProcessorPaths}. The processor works on {@code javax.lang.model} alone (annotation
 * names as strings), so it needs nothing but the JDK; it writes through the {@link javax.annotation.processing.Filer}
 * with the entity as originating element, so incremental builds (Gradle's "isolating" category) handle it.
 */
public final class MetamodelProcessor extends AbstractProcessor {
    /** Entities whose scan waits for a type that a later round may generate, by qualified name. */
    private final Map<String, String> waiting = new LinkedHashMap<>();
    private final Set<String> written = new HashSet<>();

    /** Creates the processor; javac calls this through the service loader. */
    public MetamodelProcessor() {
    }

    /**
     * The mapping annotations, which this processor claims: javac's {@code -Xlint:processing} then has no
     * "no processor claimed" warning for them.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(EntityScanner.ENTITY, EntityScanner.MAPPED_COLUMN, EntityScanner.TRANSIENT,
                EntityScanner.RELATIONSHIP);
    }

    /** The latest version the running javac knows: the processor reads only elements, not syntax. */
    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Writes the metamodel class of each {@code @Entity} class of the round, and of those an earlier round left
     * waiting for a type that did not exist yet.
     *
     * @param annotations the supported annotations present in the round
     * @param round the round
     * @return true: the mapping annotations are this processor's
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> entities = new ArrayList<>();
        for (String name : waiting.keySet()) {
            TypeElement entity = processingEnv.getElementUtils().getTypeElement(name);
            if (entity != null) {
                entities.add(entity);
            }
        }
        Map<String, String> stillWaiting = new LinkedHashMap<>();
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(EntityScanner.ENTITY)) {
                entities.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
            }
        }
        entities.sort(Comparator.comparing(e -> e.getQualifiedName().toString()));
        EntityScanner scanner = new EntityScanner(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                processingEnv.getMessager());
        Set<String> seen = new HashSet<>();
        for (TypeElement entity : entities) {
            String name = entity.getQualifiedName().toString();
            if (!seen.add(name) || written.contains(name)) {
                continue;
            }
            Scan scan = scanner.scan(entity);
            if (scan.retry()) {
                stillWaiting.put(name, scan.missing());
            } else if (scan.model() != null) {
                write(scan.model());
                written.add(name);
            }
        }
        waiting.clear();
        waiting.putAll(stillWaiting);
        if (round.processingOver()) {
            for (Map.Entry<String, String> entry : waiting.entrySet()) {
                TypeElement entity = processingEnv.getElementUtils().getTypeElement(entry.getKey());
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "No metamodel class was written for "
                        + "@Entity " + entry.getKey() + ": " + entry.getValue() + " could not be resolved", entity);
            }
            waiting.clear();
        }
        return true;
    }

    private void write(EntityModel model) {
        TypeElement entity = model.entity();
        ModuleElement module = processingEnv.getElementUtils().getModuleOf(entity);
        String source = new MetamodelWriter(processingEnv.getTypeUtils())
                .write(model, generatedAnnotationUsable(module), name -> typeExists(module, name));
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(model.metamodelQualifiedName(), entity);
            try (Writer out = file.openWriter()) {
                out.write(source);
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Could not write the metamodel class "
                    + model.metamodelQualifiedName() + " of @Entity " + entity.getQualifiedName() + ": "
                    + e.getMessage() + "; another class or entity may already produce that name", entity);
        }
    }

    private boolean typeExists(ModuleElement module, String qualifiedName) {
        return (module == null ? processingEnv.getElementUtils().getTypeElement(qualifiedName)
                : processingEnv.getElementUtils().getTypeElement(module, qualifiedName)) != null;
    }

    /**
     * Whether {@code @javax.annotation.processing.Generated} may be used: it exists (Java 9 and later) and the
     * entity's module reads {@code java.compiler}, directly or through {@code requires transitive}.
     */
    private boolean generatedAnnotationUsable(ModuleElement module) {
        String generated = MetamodelWriter.GENERATED_PACKAGE + ".Generated";
        if (!typeExists(module, generated)) {
            return false;
        }
        if (module == null || module.isUnnamed()) {
            return true;
        }
        Deque<ModuleElement> readable = new ArrayDeque<>();
        for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            readable.add(requires.getDependency());
        }
        Set<ModuleElement> visited = new HashSet<>();
        while (!readable.isEmpty()) {
            ModuleElement next = readable.pop();
            if (next.getQualifiedName().contentEquals("java.compiler")) {
                return true;
            }
            if (visited.add(next)) {
                for (RequiresDirective requires : ElementFilter.requiresIn(next.getDirectives())) {
                    if (requires.isTransitive()) {
                        readable.add(requires.getDependency());
                    }
                }
            }
        }
        return false;
    }
}
