package org.retort.exc;

/**
 * Root of every exception Retort throws.
 *
 * <p>Unchecked, as SQLAlchemy's {@code SQLAlchemyError}: catch the specific subclass that you can act on
 * ({@link IntegrityError}, {@link OperationalError}, ...) and let the rest propagate.
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and what to do about it
     */
    public RetortException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause it wraps.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
