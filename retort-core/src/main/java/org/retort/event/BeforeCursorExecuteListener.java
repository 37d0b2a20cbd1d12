package org.retort.event;

/**
 * Called with the final SQL just before it goes to the driver, and may replace it (SQLAlchemy's
 * {@code before_cursor_execute} with {@code retval=True}), e.g. to append a comment naming the application.
 * The replacement must keep the same {@code ?} placeholders, as the values are bound by position.
 */
@FunctionalInterface
public interface BeforeCursorExecuteListener {

    /**
     * Sees, and may rewrite, the SQL about to run.
     *
     * @param event the SQL and parameters; a listener registered later sees the SQL an earlier one returned
     * @return the SQL to run instead, or null to leave it as it is
     */
    String beforeCursorExecute(CursorExecuteEvent event);
}
