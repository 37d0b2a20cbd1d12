package org.retort.exc;

/**
 * No connection became free in the pool within the checkout timeout (SQLAlchemy's {@code TimeoutError}); the message names the pool size and overflow.
 */
public class PoolTimeoutException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public PoolTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
