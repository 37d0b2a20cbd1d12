package org.retort.event;

import java.util.List;

/**
 * The listeners of one engine (SQLAlchemy's {@code ConnectionEvents} and {@code handle_error}), shared by the
 * engine's {@code executionOptions(...)} copies.
 *
 * <pre>{@code
 * engine.events().onBeforeCursorExecute(e -> e.statement() + " -- report");
 * engine.events().onAfterCursorExecute(e -> log.debug("ran {}", e.statement()));
 * }</pre>
 *
 * <p>Register with the {@code on*} methods; the {@code *Listeners()} accessors list what is registered, in
 * order, and are what the engine iterates when it fires events. Thread-safe.
 */
public final class EngineEvents {
    /** Creates an empty registry; each engine has one, {@link org.retort.engine.Engine#events()}. */
    public EngineEvents() {
    }

    private final Listeners<BeforeExecuteListener> beforeExecute = new Listeners<>();
    private final Listeners<AfterExecuteListener> afterExecute = new Listeners<>();
    private final Listeners<BeforeCursorExecuteListener> beforeCursorExecute = new Listeners<>();
    private final Listeners<AfterCursorExecuteListener> afterCursorExecute = new Listeners<>();
    private final Listeners<ErrorListener> handleError = new Listeners<>();
    private final Listeners<TransactionListener> begin = new Listeners<>();
    private final Listeners<TransactionListener> commit = new Listeners<>();
    private final Listeners<TransactionListener> rollback = new Listeners<>();
    private final PoolEvents pool = new PoolEvents();

    /** {@return the pool events of this engine} */
    public PoolEvents pool() {
        return pool;
    }

    /**
     * Listens before each {@code Connection.execute}, with the statement object and parameter maps.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onBeforeExecute(BeforeExecuteListener listener) {
        return beforeExecute.add(listener);
    }

    /**
     * Listens after each {@code Connection.execute}, with its result.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onAfterExecute(AfterExecuteListener listener) {
        return afterExecute.add(listener);
    }

    /**
     * Listens just before SQL goes to the driver; the listener may return rewritten SQL.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onBeforeCursorExecute(BeforeCursorExecuteListener listener) {
        return beforeCursorExecute.add(listener);
    }

    /**
     * Listens just after the driver ran SQL.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onAfterCursorExecute(AfterCursorExecuteListener listener) {
        return afterCursorExecute.add(listener);
    }

    /**
     * Listens for driver errors; the listener may replace the exception thrown.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onHandleError(ErrorListener listener) {
        return handleError.add(listener);
    }

    /**
     * Listens for the start of each outer transaction (explicit or autobegun).
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onBegin(TransactionListener listener) {
        return begin.add(listener);
    }

    /**
     * Listens for each commit of an outer transaction.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onCommit(TransactionListener listener) {
        return commit.add(listener);
    }

    /**
     * Listens for each rollback of an outer transaction.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onRollback(TransactionListener listener) {
        return rollback.add(listener);
    }

    /** {@return the before-execute listeners, in registration order} */
    public List<BeforeExecuteListener> beforeExecuteListeners() {
        return beforeExecute.all();
    }

    /** {@return the after-execute listeners, in registration order} */
    public List<AfterExecuteListener> afterExecuteListeners() {
        return afterExecute.all();
    }

    /** {@return the before-cursor-execute listeners, in registration order} */
    public List<BeforeCursorExecuteListener> beforeCursorExecuteListeners() {
        return beforeCursorExecute.all();
    }

    /** {@return the after-cursor-execute listeners, in registration order} */
    public List<AfterCursorExecuteListener> afterCursorExecuteListeners() {
        return afterCursorExecute.all();
    }

    /** {@return the handle-error listeners, in registration order} */
    public List<ErrorListener> handleErrorListeners() {
        return handleError.all();
    }

    /** {@return the begin listeners, in registration order} */
    public List<TransactionListener> beginListeners() {
        return begin.all();
    }

    /** {@return the commit listeners, in registration order} */
    public List<TransactionListener> commitListeners() {
        return commit.all();
    }

    /** {@return the rollback listeners, in registration order} */
    public List<TransactionListener> rollbackListeners() {
        return rollback.all();
    }
}
