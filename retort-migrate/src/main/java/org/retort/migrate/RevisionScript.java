package org.retort.migrate;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One revision of a {@link ScriptDirectory} (Alembic's {@code Script}): its id, the revisions it follows, its
 * message, branch labels, dependencies and how to make its {@link Migration}.
 *
 * @param id the revision id
 * @param down the revisions it follows (empty for a base, several for a merge)
 * @param message the one-line description
 * @param labels its branch labels
 * @param dependsOn revisions that must be applied before it without being its parents
 * @param source where it was read from: a class name or a file
 * @param migration makes the migration
 */
public record RevisionScript(String id, List<String> down, String message, Set<String> labels, List<String> dependsOn,
                             String source, Supplier<Migration> migration) {

    /**
     * Checks and copies.
     *
     * @param id the revision id
     * @param down the revisions it follows
     * @param message the one-line description
     * @param labels its branch labels
     * @param dependsOn revisions that must be applied before it
     * @param source where it was read from
     * @param migration makes the migration
     */
    public RevisionScript {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || !id.matches("[A-Za-z0-9_]+")) {
            throw new MigrationException("Revision id '" + id + "' of " + source
                    + " must be letters, digits and underscores only");
        }
        down = List.copyOf(down);
        message = message == null ? "" : message;
        labels = Set.copyOf(labels);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(migration, "migration");
    }

    /**
     * Reads a revision from a class annotated with {@link Revision}.
     *
     * @param type the class, implementing {@link Migration} with a public no-argument constructor
     * @return the revision
     * @throws MigrationException when the class is not annotated or cannot be made
     */
    public static RevisionScript of(Class<? extends Migration> type) {
        Revision r = type.getAnnotation(Revision.class);
        if (r == null) {
            throw new MigrationException("Class " + type.getName() + " is given as a revision but has no @Revision "
                    + "annotation; annotate it with @Revision(id = ..., down = ...)");
        }
        java.lang.reflect.Constructor<? extends Migration> ctor;
        try {
            ctor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new MigrationException("Revision " + r.id() + " (" + type.getName()
                    + ") needs a public no-argument constructor", e);
        }
        return new RevisionScript(r.id(), List.of(r.down()), r.message(), Set.of(r.labels()), List.of(r.dependsOn()),
                type.getName(), () -> {
                    try {
                        return ctor.newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new MigrationException("Cannot make revision " + r.id() + " (" + type.getName() + "): "
                                + e, e);
                    }
                });
    }

    /** {@return true for a revision with no parent} */
    public boolean isBase() {
        return down.isEmpty();
    }

    /** {@return true for a revision joining several parents} */
    public boolean isMerge() {
        return down.size() > 1;
    }

    @Override
    public String toString() {
        return id + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
