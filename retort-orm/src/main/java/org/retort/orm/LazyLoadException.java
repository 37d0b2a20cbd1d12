package org.retort.orm;

import org.retort.exc.InvalidRequestException;

/**
 * A relationship that may not load on access was accessed (SQLAlchemy's "lazy load not allowed"): it was loaded
 * with {@code raiseload}, its mapping says {@code lazy = RAISE}, or the session factory is in strict loading
 * mode. Load it with the query instead ({@code selectinload}, {@code joinedload}).
 */
public class LazyLoadException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which attribute of which class, and what to do
     */
    public LazyLoadException(String message) {
        super(message);
    }
}
