package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the processor is found and how it adapts to the build: javac discovers it on the processor path through
 * its service file, and it marks classes {@code @Generated} only where the annotation is readable.
 */
class ProcessorWiringTest {
    private static final String USER = """
            package com.example;

            @org.retort.orm.annotation.Entity
            public class User {
                String name;
            }
            """;
    /** A stand-in for retort-orm inside a named module: the processor knows the annotations by name only. */
    private static final String ENTITY = """
            package org.retort.orm.annotation;

            public @interface Entity {
            }
            """;
    private static final String ATTRIBUTE = """
            package org.retort.orm.metamodel;

            public final class ColumnAttribute<E, T> {
                private ColumnAttribute() {
                }

                public static <E, T> ColumnAttribute<E, T> of(Class<E> entity, String name, Class<T> type) {
                    return new ColumnAttribute<>();
                }
            }
            """;

    @Test
    void javacFindsTheProcessorOnTheProcessorPath() {
        String processorPath = InMemoryCompiler.location(MetamodelProcessor.class);
        InMemoryCompiler.Result result = InMemoryCompiler.compile(List.of(), List.of("-processorpath", processorPath),
                USER);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(result.generated("com.example.User_")).contains(
                "public static final ColumnAttribute<User, String> name = ColumnAttribute.of(User.class, \"name\", String.class);");
        assertThat(result.classes()).containsKey("com.example.User_");
    }

    /** The javac command line of the guide, run as a tool, with the processor as a module. */
    @Test
    void javacCommandLineFindsTheProcessorOnTheProcessorModulePath(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/com/example/User.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, USER);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, err,
                "--processor-module-path", InMemoryCompiler.location(MetamodelProcessor.class),
                "-cp", InMemoryCompiler.classPath(), "-Xlint:all,-processing", "-Werror",
                "-s", dir.resolve("generated").toString(), "-d", dir.resolve("classes").toString(), source.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(dir.resolve("generated/com/example/User_.java"))).contains(
                "public static final ColumnAttribute<User, String> name = ColumnAttribute.of(User.class, \"name\", String.class);");
        assertThat(dir.resolve("classes/com/example/User_.class")).exists();
    }

    @Test
    void withoutAProcessorPathNothingIsGenerated() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(List.of(), List.of(), USER);
        assertThat(result.success()).isTrue();
        assertThat(result.generatedSources()).isEmpty();
    }

    @Test
    void moduleThatDoesNotReadJavaCompilerGetsNoGeneratedAnnotation() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile("""
                module app {
                }
                """, ENTITY, ATTRIBUTE, USER);
        assertThat(result.messages(Diagnostic.Kind.WARNING)).isEmpty();
        assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(result.generated("com.example.User_")).isEqualTo("""
                package com.example;

                import org.retort.orm.metamodel.ColumnAttribute;

                /** Metamodel of {@link User}: one attribute per mapped field. */
                public final class User_ {
                    private User_() {
                    }

                    /** {@link User#name}. */
                    public static final ColumnAttribute<User, String> name = ColumnAttribute.of(User.class, "name", String.class);
                }
                """);
    }

    @Test
    void moduleThatReadsJavaCompilerGetsTheGeneratedAnnotation() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile("""
                module app {
                    requires static java.compiler;
                }
                """, ENTITY, ATTRIBUTE, USER);
        assertThat(result.messages(Diagnostic.Kind.WARNING)).isEmpty();
        assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(result.generated("com.example.User_")).contains(
                "import javax.annotation.processing.Generated;",
                "@Generated(\"org.retort.processor.MetamodelProcessor\")");
    }

    @Test
    void releaseEightHasNoGeneratedAnnotationToUse() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(List.of(new MetamodelProcessor()),
                List.of("--release", "8", "-Xlint:-options"), ENTITY, ATTRIBUTE, USER);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(result.generated("com.example.User_")).doesNotContain("Generated");
    }

    @Test
    void entityUsingATypeAnotherProcessorGeneratesWaitsForTheNextRound() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(
                List.of(new MoneyWriter(), new MetamodelProcessor()), List.of(), """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Invoice {
                    Money total;
                    java.util.List<String> lines;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(result.generated("com.example.Invoice_")).contains(
                "ColumnAttribute<Invoice, Money> total = ColumnAttribute.of(Invoice.class, \"total\", Money.class);");
        assertThat(result.messages(Diagnostic.Kind.NOTE)).singleElement().asString().contains("field lines");
    }

    @Test
    void relationshipToATypeAnotherProcessorGeneratesWaitsForTheNextRound() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(
                List.of(new MoneyWriter(), new MetamodelProcessor()), List.of(), """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Ledger {
                    @org.retort.orm.annotation.Relationship
                    java.util.List<Money> entries;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(result.generated("com.example.Ledger_")).contains("RelationshipAttribute<Ledger, Money> entries = "
                + "RelationshipAttribute.of(Ledger.class, \"entries\", Money.class);");
    }

    /** Stands for any processor that generates a class entities use: writes {@code com.example.Money} once. */
    private static final class MoneyWriter extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("com.example.Money").openWriter()) {
                    out.write("package com.example;\n\npublic enum Money { EUR, USD }\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
