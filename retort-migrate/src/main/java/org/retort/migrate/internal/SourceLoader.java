package org.retort.migrate.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.retort.migrate.Migration;
import org.retort.migrate.MigrationException;
import org.retort.migrate.Revision;

/**
 * Compiles the {@code .java} revisions of a versions directory in-process (as Alembic imports its {@code .py}
 * scripts) against the running classpath, and loads the classes annotated with {@link Revision}.
 */
public final class SourceLoader {
    private SourceLoader() {
    }

    /**
     * Compiles and loads the revision classes.
     *
     * @param sources the source files
     * @param parent the class loader that sees Retort and the application
     * @return the revision classes
     */
    public static List<Class<? extends Migration>> load(List<Path> sources, ClassLoader parent) {
        if (sources.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new MigrationException("Revisions written in Java need a JDK to compile them, and this is a JRE ("
                    + System.getProperty("java.home") + "); run with a JDK or put compiled revisions on the classpath");
        }
        Path out;
        try {
            out = Files.createTempDirectory("retort-revisions");
        } catch (IOException e) {
            throw new MigrationException("Cannot make a directory for compiled revisions: " + e.getMessage(), e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classpath(parent), "-proc:none",
                    "-nowarn", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources))
                    .call();
            if (!ok) {
                List<String> errors = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        errors.add((d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
                                + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT));
                    }
                }
                throw new MigrationException("Revision sources do not compile:\n" + String.join("\n", errors));
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot compile revisions: " + e.getMessage(), e);
        }
        List<Class<? extends Migration>> classes = new ArrayList<>();
        try {
            @SuppressWarnings("resource")
            URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, parent);
            try (var walk = Files.walk(out)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = out.relativize(p).toString().replace('/', '.').replace('\\', '.');
                    name = name.substring(0, name.length() - ".class".length());
                    Class<?> c = loader.loadClass(name);
                    if (c.isAnnotationPresent(Revision.class) && Migration.class.isAssignableFrom(c)) {
                        classes.add(c.asSubclass(Migration.class));
                    }
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new MigrationException("Cannot load compiled revisions: " + e, e);
        }
        return classes;
    }

    private static String classpath(ClassLoader parent) {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = parent; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                        // not a file: the compiler cannot use it
                    }
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        String jdk = System.getProperty("jdk.module.path");
        if (jdk != null) {
            entries.add(jdk);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
