package org.retort.event;

/**
 * Called when the driver reports an error, after the dialect translated it (SQLAlchemy's {@code handle_error});
 * it may log it, or return another exception to throw instead.
 */
@FunctionalInterface
public interface ErrorListener {

    /**
     * Sees a failure.
     *
     * @param context what failed and how it was translated
     * @return the exception to throw instead, or null to keep {@link ErrorContext#exception()}
     */
    RuntimeException handleError(ErrorContext context);
}
