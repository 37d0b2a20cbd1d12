package org.retort.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.retort.engine.Engine;

/**
 * Compiles and runs the Java code blocks of every page under {@code docs/}, so the documentation cannot
 * drift from the code. Each page becomes one program (see {@link MarkdownProgram}) run against a fresh
 * in-memory SQLite engine; a compile error or exception fails the page's test and names the Markdown line.
 */
class DocsCodeBlocksTest {

    @TestFactory
    Stream<DynamicTest> everyPageCompilesAndRuns() throws IOException {
        Path docs = Path.of("").toAbsolutePath();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(docs)) {
            pages = walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/src/"))
                    .sorted().toList();
        }
        assertThat(pages).as("Markdown pages under " + docs).isNotEmpty();
        return pages.stream().map(page -> DynamicTest.dynamicTest(docs.relativize(page).toString(), () -> runPage(page)));
    }

    private static void runPage(Path page) throws Exception {
        String name = "Doc_" + page.getFileName().toString().replace(".md", "").replaceAll("[^A-Za-z0-9]", "_");
        MarkdownProgram program = MarkdownProgram.parse(page, name);
        if (program.blockCount == 0) {
            return;
        }
        Map<String, byte[]> classes = compile(program);
        ClassLoader loader = new ClassLoader(DocsCodeBlocksTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                byte[] b = classes.get(className);
                if (b == null) {
                    throw new ClassNotFoundException(className);
                }
                return defineClass(className, b, 0, b.length);
            }
        };
        Class<?> cls = loader.loadClass("org.retort.docs.generated." + name);
        Engine engine = Engine.create("sqlite://");
        try {
            cls.getMethod("run", Engine.class).invoke(null, engine);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new AssertionError("Code in " + page.getFileName() + " failed at "
                    + locate(program, name, cause) + ": " + cause, cause);
        } finally {
            engine.dispose();
        }
    }

    private static String locate(MarkdownProgram program, String className, Throwable t) {
        for (StackTraceElement el : t.getStackTrace()) {
            if (el.getClassName().startsWith("org.retort.docs.generated." + className)) {
                return program.origin(el.getLineNumber());
            }
        }
        return "(unknown line)";
    }

    private static Map<String, byte[]> compile(MarkdownProgram program) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bos = new ByteArrayOutputStream();
                        out.put(className, bos);
                        return bos;
                    }
                };
            }
        };
        JavaFileObject src = new SimpleJavaFileObject(URI.create("mem:///" + program.className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return program.code();
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                "-implicit:none", "-Xlint:none", "-nowarn");
        boolean ok = javac.getTask(null, fm, diagnostics, options, null, List.of(src)).call();
        if (!ok) {
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(program.origin(d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT));
                }
            }
            throw new AssertionError("Code blocks of " + program.source.getFileName() + " do not compile:\n"
                    + String.join("\n", errors));
        }
        Map<String, byte[]> classes = new HashMap<>();
        out.forEach((k, v) -> classes.put(k, v.toByteArray()));
        return classes;
    }
}
