package org.retort.orm;

/** Called at a point of a session's life: before or after a flush, after a commit or a rollback. */
@FunctionalInterface
public interface SessionListener {

    /**
     * Handles the event.
     *
     * @param session the session
     */
    void handle(Session session);
}
