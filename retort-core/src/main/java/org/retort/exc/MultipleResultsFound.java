package org.retort.exc;

/**
 * {@code one()}, {@code oneOrNull()} or {@code scalarOne()} found more than one row.
 */
public class MultipleResultsFound extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public MultipleResultsFound(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public MultipleResultsFound(String message, Throwable cause) {
        super(message, cause);
    }
}
