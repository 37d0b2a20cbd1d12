package org.retort.migrate;

/**
 * A migration could not be loaded, planned or applied. When it comes from running a revision, the message
 * names the revision, the operation and the SQL, and {@link #revision()} / {@link #operation()} give them.
 */
public class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String revision;
    private final String operation;

    /**
     * A failure not tied to one operation.
     *
     * @param message what went wrong and what to do
     */
    public MigrationException(String message) {
        this(message, null, null, null);
    }

    /**
     * A failure not tied to one operation, with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the cause
     */
    public MigrationException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /**
     * A failure of one operation of one revision.
     *
     * @param message what went wrong
     * @param revision the revision id, or null
     * @param operation the operation, or null
     * @param cause the cause, or null
     */
    public MigrationException(String message, String revision, String operation, Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.operation = operation;
    }

    /** {@return the id of the revision that failed, or null} */
    public String revision() {
        return revision;
    }

    /** {@return the operation that failed, as described in progress output, or null} */
    public String operation() {
        return operation;
    }
}
