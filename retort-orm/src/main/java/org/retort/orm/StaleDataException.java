package org.retort.orm;

import org.retort.exc.RetortException;

/**
 * A flush's UPDATE matched fewer rows than objects it was meant to write (SQLAlchemy's {@code StaleDataError}):
 * another transaction deleted the row, or changed its key, since the object was loaded. The flush is rolled
 * back; roll the session back and reload the object.
 */
public class StaleDataException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which table, how many rows were expected and how many matched
     */
    public StaleDataException(String message) {
        super(message);
    }
}
