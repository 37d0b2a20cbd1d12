package org.retort.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that uses Retort the way a user's project does, built and run outside this build's class path:
 * javac compiles it against the Retort jars (the metamodel processor on the processor path), and a child JVM runs
 * it, once as a named module on the module path with the README's {@code module-info.java}, once on the class
 * path. Only Retort, its two runtime dependencies (slf4j-api, HikariCP) and a driver are given: no SLF4J provider,
 * so the echo it prints also shows that {@code echo(true)} needs none.
 */
class ConsumerProjectTest {
    private static final String MODULE_INFO = """
            module com.example.app {
                requires org.retort.orm;
                opens com.example.model to org.retort.orm;
            }
            """;
    private static final String ENTITY = """
            package com.example.model;

            import org.retort.orm.annotation.Entity;
            import org.retort.orm.annotation.MappedColumn;

            @Entity(table = "customer")
            public class Customer {
                @MappedColumn(primaryKey = true) public Long id;
                @MappedColumn(length = 40, nullable = false) public String name;
            }
            """;
    private static final String MAIN = """
            package com.example.app;

            import com.example.model.Customer;
            import com.example.model.Customer_;
            import org.retort.engine.Engine;
            import org.retort.orm.Orm;
            import org.retort.orm.Registry;
            import org.retort.orm.Session;
            import org.retort.orm.SessionFactory;

            public class Main {
                public static void main(String[] args) {
                    Engine engine = Engine.builder("sqlite://").echo(true).build();
                    Registry registry = Registry.of(Customer.class);
                    registry.metadata().createAll(engine);
                    try (Session session = SessionFactory.builder(engine).registry(registry).build().open()) {
                        Customer c = new Customer();
                        c.name = "Ada";
                        session.add(c);
                        session.commit();
                        Customer found = session.scalars(Orm.select(Customer.class)
                                .where(Customer_.name.eq("Ada"))).one();
                        System.out.println("found " + found.name + " #" + found.id + " in module "
                                + Main.class.getModule().getName());
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aModularApplicationCompilesAndRunsOnTheModulePath() throws Exception {
        Path classes = compile(true);
        String out = java(List.of("--module-path", classes + File.pathSeparator + runtime(),
                "-m", "com.example.app/com.example.app.Main"));
        assertThat(out).contains("found Ada #1 in module com.example.app")
                .contains("INFO org.retort.engine INSERT INTO customer");
    }

    @Test
    void theSameApplicationRunsOnTheClassPath() throws Exception {
        Path classes = compile(false);
        String out = java(List.of("-cp", classes + File.pathSeparator + runtime(), "com.example.app.Main"));
        assertThat(out).contains("found Ada #1 in module null").contains("INFO org.retort.engine COMMIT");
    }

    /** The Retort jars (or class directories, in a build that stops before packaging) and their dependencies. */
    private static String runtime() {
        return entries("retort-core", "retort-orm", "slf4j-api", "HikariCP", "sqlite-jdbc");
    }

    private static String entries(String... names) {
        List<String> cp = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String entry = cp.stream().filter(e -> e.contains(File.separator + name))
                    .filter(e -> !e.endsWith("-tests.jar") && !e.endsWith("test-classes")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not on the test class path: " + cp));
            out.add(entry);
        }
        return String.join(File.pathSeparator, out);
    }

    private Path compile(boolean modular) throws IOException {
        Path src = Files.createDirectories(tmp.resolve(modular ? "src-module" : "src-classpath"));
        Path out = Files.createDirectories(tmp.resolve(modular ? "classes-module" : "classes-classpath"));
        List<Path> files = new ArrayList<>();
        files.add(write(src.resolve("com/example/model/Customer.java"), ENTITY));
        files.add(write(src.resolve("com/example/app/Main.java"), MAIN));
        if (modular) {
            files.add(write(src.resolve("module-info.java"), MODULE_INFO));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("--release", "21", "-d", out.toString(),
                "-processorpath", entries("retort-processor"),
                "-s", Files.createDirectories(tmp.resolve(modular ? "gen-module" : "gen-classpath")).toString()));
        // HikariCP too: org.retort.core requires it transitively (EngineBuilder.hikari hands out its config)
        options.addAll(List.of(modular ? "--module-path" : "-classpath", runtime()));
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
            assertThat(ok).as(() -> diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"))).isTrue();
        }
        return out;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private String java(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        Path log = tmp.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the application finished").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
