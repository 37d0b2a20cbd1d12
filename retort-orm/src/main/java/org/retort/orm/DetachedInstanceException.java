package org.retort.orm;

import org.retort.exc.InvalidRequestException;

/**
 * An unloaded relationship of an object that belongs to no session (closed, expunged) was accessed, so it cannot
 * load (SQLAlchemy's {@code DetachedInstanceError}). Load what you need before the session closes, or
 * {@code add} the object to a session again.
 */
public class DetachedInstanceException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which attribute of which object, and what to do
     */
    public DetachedInstanceException(String message) {
        super(message);
    }
}
