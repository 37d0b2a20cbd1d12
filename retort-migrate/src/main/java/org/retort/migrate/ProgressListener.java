package org.retort.migrate;

/**
 * Hears what a migration run does, for progress bars and logs (the CLI draws its bar from these calls). Every
 * method has an empty default; implement the ones you need. Called on the thread running the migration.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() { };

    /**
     * A run is about to apply or undo revisions.
     *
     * @param upgrade true for an upgrade, false for a downgrade
     * @param total how many revisions it will run
     */
    default void runStarted(boolean upgrade, int total) {
    }

    /**
     * A revision starts.
     *
     * @param revision the revision
     * @param index its position in the run, from 1
     * @param total how many revisions the run has
     * @param upgrade true when applying, false when undoing
     */
    default void revisionStarted(RevisionScript revision, int index, int total, boolean upgrade) {
    }

    /**
     * An operation starts.
     *
     * @param revision the revision it belongs to, or null outside a revision
     * @param operation a short description, e.g. {@code add column account.email}
     */
    default void operationStarted(RevisionScript revision, String operation) {
    }

    /**
     * A statement is sent to the database (or written to the offline script).
     *
     * @param sql the SQL
     */
    default void sql(String sql) {
    }

    /**
     * A revision finished and its version was recorded.
     *
     * @param revision the revision
     * @param index its position in the run, from 1
     * @param total how many revisions the run has
     */
    default void revisionFinished(RevisionScript revision, int index, int total) {
    }

    /**
     * The run ended.
     *
     * @param applied how many revisions ran
     */
    default void runFinished(int applied) {
    }
}
