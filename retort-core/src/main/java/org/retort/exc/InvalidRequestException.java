package org.retort.exc;

/**
 * An operation was requested in a state that does not allow it, such as executing on a closed connection (SQLAlchemy's {@code InvalidRequestError}).
 */
public class InvalidRequestException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public InvalidRequestException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
