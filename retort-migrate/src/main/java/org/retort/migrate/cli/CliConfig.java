package org.retort.migrate.cli;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.retort.migrate.MigrationException;
import org.retort.schema.MetaData;

/**
 * The tool's configuration file, {@code retort-migrate.properties} (Alembic's {@code alembic.ini}): database URL,
 * versions directory, Java package of new revisions, where the application's {@link MetaData} lives and the
 * extra classpath to find it on. Paths are relative to the file's directory.
 */
final class CliConfig {
    static final String FILE = "retort-migrate.properties";

    final Path base;
    final Properties props;

    private CliConfig(Path base, Properties props) {
        this.base = base;
        this.props = props;
    }

    static CliConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MigrationException("No configuration file " + file.toAbsolutePath() + "; run `retort-migrate init` "
                    + "to make one, or give its path with -c");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return new CliConfig(base, p);
    }

    String url(String override) {
        String env = System.getenv("RETORT_MIGRATE_URL");
        String u = override != null ? override : env != null && !env.isBlank() ? env : props.getProperty("url");
        if (u == null || u.isBlank()) {
            throw new MigrationException("No database URL: set url= in " + FILE + ", RETORT_MIGRATE_URL, or --url");
        }
        return u.trim();
    }

    Path versions() {
        return base.resolve(props.getProperty("script_location", "migrations/versions").trim());
    }

    String javaPackage() {
        String p = props.getProperty("java_package", "").trim();
        return p.isEmpty() ? null : p;
    }

    String versionTable() {
        return props.getProperty("version_table", "retort_version").trim();
    }

    ClassLoader classLoader() {
        String cp = props.getProperty("classpath", "").trim();
        ClassLoader parent = CliConfig.class.getClassLoader();
        if (cp.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : cp.split(",")) {
            if (!entry.isBlank()) {
                try {
                    urls.add(base.resolve(entry.trim()).toUri().toURL());
                } catch (java.net.MalformedURLException e) {
                    throw new MigrationException("classpath entry '" + entry + "' in " + FILE + " is not a path", e);
                }
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * Loads the model named by {@code metadata=}: {@code com.example.Db#METADATA} (a static field or no-argument
     * static method returning MetaData), or a class implementing {@code Supplier<MetaData>}.
     */
    MetaData metadata(ClassLoader loader) {
        String spec = props.getProperty("metadata", "").trim();
        if (spec.isEmpty()) {
            throw new MigrationException("Autogenerate and check need the application's MetaData: set metadata="
                    + "com.example.Db#METADATA in " + FILE + " (a static field or method), plus classpath= where the "
                    + "class is compiled");
        }
        String cls = spec.contains("#") ? spec.substring(0, spec.indexOf('#')) : spec;
        String member = spec.contains("#") ? spec.substring(spec.indexOf('#') + 1) : null;
        try {
            Class<?> c = Class.forName(cls, true, loader);
            Object value;
            if (member == null) {
                value = ((Supplier<?>) c.getDeclaredConstructor().newInstance()).get();
            } else {
                Object found = null;
                try {
                    Field f = c.getField(member);
                    found = f.get(null);
                } catch (NoSuchFieldException e) {
                    Method m = c.getMethod(member);
                    if (!Modifier.isStatic(m.getModifiers())) {
                        throw new MigrationException(spec + " must be static");
                    }
                    found = m.invoke(null);
                }
                value = found;
            }
            if (!(value instanceof MetaData md)) {
                throw new MigrationException(spec + " gave " + (value == null ? "null" : value.getClass().getName())
                        + ", not a MetaData");
            }
            return md;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new MigrationException("Cannot load the MetaData " + spec + " named in " + FILE + ": " + e
                    + "; check metadata= and classpath=", e);
        }
    }

    static String template() {
        return """
                # retort-migrate configuration (Alembic's alembic.ini)
                # The database; RETORT_MIGRATE_URL or --url override it.
                url = sqlite:///app.db
                # Where revisions live: .java revisions (compiled when loaded) and .sql revisions.
                script_location = migrations/versions
                # Package of newly written Java revisions (empty: the default package).
                java_package =
                # The application's MetaData, for revision --autogenerate and check: Class#staticFieldOrMethod.
                metadata =
                # Extra classpath entries, comma-separated, relative to this file, e.g. target/classes.
                classpath =
                # The table recording the applied revisions.
                version_table = retort_version
                """;
    }
}
