package org.retort.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.retort.migrate.internal.SourceLoader;
import org.retort.migrate.internal.SqlFileRevision;

/**
 * Where revisions come from (Alembic's {@code ScriptDirectory}): classes on the classpath, or a versions directory
 * of {@code .java} revisions (compiled in-process when loaded) and {@code .sql} revisions. It also writes new
 * revision files for {@code revision} and {@code revision --autogenerate}.
 *
 * <pre>{@code
 * ScriptDirectory scripts = ScriptDirectory.of(CreateAccount.class, AddEmail.class);
 * ScriptDirectory fromFiles = ScriptDirectory.fromDirectory(Path.of("migrations/versions"));
 * }</pre>
 */
public final class ScriptDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final String javaPackage;
    private final RevisionGraph graph;

    private ScriptDirectory(Path directory, String javaPackage, Collection<RevisionScript> scripts) {
        this.directory = directory;
        this.javaPackage = javaPackage;
        this.graph = new RevisionGraph(scripts);
    }

    /**
     * Revisions given as classes.
     *
     * @param revisions classes implementing {@link Migration} annotated with {@link Revision}
     * @return the script directory
     * @throws MigrationException when a class is not a {@link Migration}
     */
    public static ScriptDirectory of(Class<?>... revisions) {
        List<Class<? extends Migration>> classes = new ArrayList<>();
        for (Class<?> c : revisions) {
            if (!Migration.class.isAssignableFrom(c)) {
                throw new MigrationException("Class " + c.getName() + " is given as a revision but does not implement "
                        + Migration.class.getName());
            }
            classes.add(c.asSubclass(Migration.class));
        }
        return ofClasses(classes);
    }

    /**
     * Revisions given as classes.
     *
     * @param revisions classes annotated with {@link Revision}
     * @return the script directory
     */
    public static ScriptDirectory ofClasses(Collection<Class<? extends Migration>> revisions) {
        return new ScriptDirectory(null, null, revisions.stream().map(RevisionScript::of).toList());
    }

    /**
     * Revisions already described.
     *
     * @param revisions the revisions
     * @return the script directory
     */
    public static ScriptDirectory ofScripts(Collection<RevisionScript> revisions) {
        return new ScriptDirectory(null, null, revisions);
    }

    /**
     * Every {@code .java} and {@code .sql} revision in a directory; Java ones are compiled against the classpath
     * of this class's loader. New revisions are written there, in the default package.
     *
     * @param directory the versions directory
     * @return the script directory
     */
    public static ScriptDirectory fromDirectory(Path directory) {
        return fromDirectory(directory, null, ScriptDirectory.class.getClassLoader());
    }

    /**
     * Every {@code .java} and {@code .sql} revision in a directory.
     *
     * @param directory the versions directory
     * @param javaPackage the package new Java revisions are written in, or null for the default package
     * @param loader sees Retort and the application's classes the revisions use
     * @return the script directory
     */
    public static ScriptDirectory fromDirectory(Path directory, String javaPackage, ClassLoader loader) {
        if (!Files.isDirectory(directory)) {
            throw new MigrationException("Versions directory " + directory.toAbsolutePath() + " does not exist; "
                    + "run `retort-migrate init` first or fix script_location");
        }
        List<Path> java = new ArrayList<>();
        List<RevisionScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".java")) {
                    java.add(f);
                } else if (n.endsWith(".sql")) {
                    scripts.add(SqlFileRevision.read(f));
                }
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
        for (Class<? extends Migration> c : SourceLoader.load(java, loader)) {
            scripts.add(RevisionScript.of(c));
        }
        return new ScriptDirectory(directory, javaPackage, scripts);
    }

    /** {@return the revision graph} */
    public RevisionGraph graph() {
        return graph;
    }

    /** {@return the versions directory, or null when the revisions are classes} */
    public Path directory() {
        return directory;
    }

    /** {@return a new random revision id: 12 hex digits, as Alembic makes them} */
    public static String newRevisionId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The Java class name a revision is written under: {@code R<id>_<Words>}.
     *
     * @param id the revision id
     * @param message its message
     * @return the simple class name
     */
    public static String className(String id, String message) {
        StringBuilder sb = new StringBuilder("R").append(id);
        String[] words = message.replaceAll("[^A-Za-z0-9]+", " ").trim().split(" ");
        if (!words[0].isEmpty()) {
            sb.append('_');
            int n = 0;
            for (String w : words) {
                if (n++ == 6) {
                    break;
                }
                sb.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    /**
     * Writes a new Java revision file into the versions directory.
     *
     * @param id the revision id
     * @param message its message
     * @param down the revisions it follows
     * @param labels branch labels, or none
     * @param dependsOn revisions on other branches to apply first, or none
     * @param imports extra import lines (full names; {@code static} ones allowed)
     * @param upgradeBody the statements of {@code upgrade}, one per line, without indentation
     * @param downgradeBody the statements of {@code downgrade}
     * @return the file written
     */
    public Path writeRevision(String id, String message, List<String> down, List<String> labels,
                              List<String> dependsOn, List<String> imports, String upgradeBody, String downgradeBody) {
        if (directory == null) {
            throw new MigrationException("This script directory was made from classes and has no directory to write "
                    + "revision " + id + " to; use ScriptDirectory.fromDirectory(...)");
        }
        String cls = className(id, message);
        StringBuilder sb = new StringBuilder();
        if (javaPackage != null && !javaPackage.isEmpty()) {
            sb.append("package ").append(javaPackage).append(";\n\n");
        }
        List<String> all = new ArrayList<>(List.of("static org.retort.schema.Schema.*", "static org.retort.types.Types.*",
                "org.retort.migrate.*"));
        for (String i : imports) {
            if (!all.contains(i)) {
                all.add(i);
            }
        }
        for (String i : all) {
            sb.append("import ").append(i).append(";\n");
        }
        sb.append("\n/** ").append(message.isEmpty() ? "Revision " + id : escapeComment(message)).append(" */\n");
        sb.append("@Revision(id = \"").append(id).append('"');
        if (!down.isEmpty()) {
            sb.append(", down = ").append(stringArray(down));
        }
        if (!message.isEmpty()) {
            sb.append(", message = ").append(javaString(message));
        }
        if (!labels.isEmpty()) {
            sb.append(", labels = ").append(stringArray(labels));
        }
        if (!dependsOn.isEmpty()) {
            sb.append(", dependsOn = ").append(stringArray(dependsOn));
        }
        sb.append(")\npublic class ").append(cls).append(" implements Migration {\n\n");
        sb.append("    @Override\n    public void upgrade(Operations op) {\n").append(indent(upgradeBody)).append("    }\n\n");
        sb.append("    @Override\n    public void downgrade(Operations op) {\n").append(indent(downgradeBody))
                .append("    }\n}\n");
        Path file = directory.resolve(cls + ".java");
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write revision " + id + " to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String escapeComment(String s) {
        return s.replace("*/", "* /");
    }

    private static String indent(String body) {
        if (body.isBlank()) {
            return "        // nothing to do\n";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n")) {
            sb.append(line.isEmpty() ? "" : "        " + line).append('\n');
        }
        return sb.toString();
    }

    private static String stringArray(List<String> values) {
        if (values.size() == 1) {
            return javaString(values.get(0));
        }
        return "{" + String.join(", ", values.stream().map(ScriptDirectory::javaString).toList()) + "}";
    }

    /**
     * {@return a Java string literal}
     *
     * @param s text
     */
    public static String javaString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
