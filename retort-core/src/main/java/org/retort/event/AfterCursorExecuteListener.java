package org.retort.event;

/** Called right after the driver ran a statement (SQLAlchemy's {@code after_cursor_execute}). */
@FunctionalInterface
public interface AfterCursorExecuteListener {

    /**
     * Sees the SQL that ran.
     *
     * @param event the SQL as executed (after any rewriting) and its parameters
     */
    void afterCursorExecute(CursorExecuteEvent event);
}
