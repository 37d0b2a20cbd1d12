package org.retort.exc;

/**
 * A connection, transaction or result was used after it was closed.
 */
public class ResourceClosedException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public ResourceClosedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public ResourceClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
