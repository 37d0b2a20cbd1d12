package org.retort.exc;

/**
 * {@code one()} or {@code scalarOne()} found no row.
 */
public class NoResultFound extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public NoResultFound(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public NoResultFound(String message, Throwable cause) {
        super(message, cause);
    }
}
