package org.retort.exc;

/**
 * A JDBC driver or other optional library is not on the class path; the message names the Maven coordinates to add.
 */
public class NoSuchModuleException extends ArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public NoSuchModuleException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public NoSuchModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
