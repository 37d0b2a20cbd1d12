package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.sql.Expression;

/**
 * Compiles Java sources in memory with javac, the metamodel processor and the ORM on the class path, as a user's
 * build would, with {@code -Xlint:all,-processing -Werror} (Retort's own build flags) so generated code must be warning-free
 * too. ({@code -Xlint:processing} warns about every annotation no processor claims, {@code @Generated} included.)
 */
final class InMemoryCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");

    private InMemoryCompiler() {
    }

    /** What one compilation produced. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
            Map<String, String> generatedSources, Map<String, byte[]> classes) {

        /** @return the source javac was given for a generated class, failing when there is none */
        String generated(String qualifiedName) {
            String source = generatedSources.get(qualifiedName);
            if (source == null) {
                throw new AssertionError("No source generated for " + qualifiedName + "; generated: "
                        + generatedSources.keySet() + "; diagnostics: " + messages(Diagnostic.Kind.ERROR));
            }
            return source;
        }

        /** @return the messages of diagnostics of one kind, each prefixed by the line it points at */
        List<String> messages(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind)
                    .map(d -> (d.getLineNumber() > 0 ? d.getLineNumber() + ": " : "") + d.getMessage(Locale.ROOT))
                    .toList();
        }

        /** @return a class loader that defines the compiled classes over the test class path */
        ClassLoader loader() {
            return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
        }
    }

    /**
     * Compiles sources with the processor, asserting that javac reports no error and no warning.
     *
     * @param sources Java compilation units, each starting with its package and top-level type
     * @return the result
     */
    static Result compileCleanly(String... sources) {
        Result result = compile(sources);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(result.messages(Diagnostic.Kind.WARNING)).isEmpty();
        assertThat(result.success()).isTrue();
        return result;
    }

    /**
     * Compiles sources with the processor given as an object.
     *
     * @param sources Java compilation units, each starting with its package and top-level type
     * @return the result
     */
    static Result compile(String... sources) {
        return compile(List.of(new MetamodelProcessor()), List.of(), sources);
    }

    /**
     * Compiles sources.
     *
     * @param processors processors to run, or empty to let javac discover them from the options' paths
     * @param extraOptions more javac options
     * @param sources Java compilation units
     * @return the result
     */
    static Result compile(List<Processor> processors, List<String> extraOptions, String... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, MemoryOutput> sourceOutputs = new LinkedHashMap<>();
        Map<String, MemoryOutput> classOutputs = new LinkedHashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                MemoryOutput out = new MemoryOutput(className, kind);
                (kind == JavaFileObject.Kind.SOURCE ? sourceOutputs : classOutputs).put(className, out);
                return out;
            }
        };
        List<String> options = new ArrayList<>(List.of("-classpath", classPath(), "-Xlint:all,-processing", "-Werror"));
        options.addAll(extraOptions);
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            units.add(new SourceInput(source));
        }
        JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, units);
        if (!processors.isEmpty()) {
            task.setProcessors(processors);
        }
        boolean success = task.call();
        Map<String, String> generated = sourceOutputs.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().text(), (a, b) -> b, LinkedHashMap::new));
        Map<String, byte[]> classes = classOutputs.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().bytes.toByteArray(), (a, b) -> b, LinkedHashMap::new));
        return new Result(success, List.copyOf(diagnostics.getDiagnostics()), generated, classes);
    }

    /** @return retort-orm and retort-core, where the ORM annotations and the metamodel runtime live */
    static String classPath() {
        return location(ColumnAttribute.class) + File.pathSeparator + location(Expression.class);
    }

    /** @return the directory or jar a class was loaded from */
    static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class SourceInput extends SimpleJavaFileObject {
        private final String text;

        SourceInput(String text) {
            super(URI.create("string:///" + path(text)), Kind.SOURCE);
            this.text = text;
        }

        private static String path(String text) {
            if (text.strip().startsWith("module ")) {
                return "module-info.java";
            }
            Matcher pkg = PACKAGE.matcher(text);
            Matcher type = TYPE.matcher(text);
            if (!type.find()) {
                throw new IllegalArgumentException("No type declaration in " + text);
            }
            return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + type.group(1) + ".java";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class MemoryOutput extends SimpleJavaFileObject {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        MemoryOutput(String className, Kind kind) {
            super(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public OutputStream openOutputStream() {
            bytes.reset();
            return bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes.toByteArray());
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text();
        }
    }
}
