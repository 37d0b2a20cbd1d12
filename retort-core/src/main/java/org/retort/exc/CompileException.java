package org.retort.exc;

/**
 * A statement cannot be rendered for a dialect; the message names the construct and the dialect.
 */
public class CompileException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public CompileException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public CompileException(String message, Throwable cause) {
        super(message, cause);
    }
}
