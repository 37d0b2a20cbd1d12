package org.retort.exc;

/**
 * The API was used in a way it does not support; the message says what to do instead (SQLAlchemy's {@code ArgumentError}).
 */
public class ArgumentException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public ArgumentException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public ArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
