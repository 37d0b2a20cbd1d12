package org.retort.exc;

/**
 * A row was asked for a column it does not have; the message lists the columns it has.
 */
public class NoSuchColumnException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public NoSuchColumnException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public NoSuchColumnException(String message, Throwable cause) {
        super(message, cause);
    }
}
