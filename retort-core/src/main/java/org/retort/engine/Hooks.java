package org.retort.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.retort.event.AfterCursorExecuteListener;
import org.retort.event.AfterExecuteListener;
import org.retort.event.BeforeCursorExecuteListener;
import org.retort.event.BeforeExecuteListener;
import org.retort.event.CursorExecuteEvent;
import org.retort.event.EngineEvents;
import org.retort.event.ErrorContext;
import org.retort.event.ErrorListener;
import org.retort.event.TransactionListener;
import org.retort.exc.DBAPIException;
import org.retort.sql.Executable;

/**
 * What a {@link Connection} tells the outside world as it works: the engine's event listeners, the SQL echo,
 * and the translation of driver errors (through {@code handle_error} listeners). One per connection.
 */
final class Hooks {
    private final Engine engine;
    private final EngineEvents events;
    private final Connection connection;

    Hooks(Engine engine, Connection connection) {
        this.engine = engine;
        this.events = engine.events();
        this.connection = connection;
    }

    void beforeExecute(Executable statement, List<? extends Map<String, ?>> sets) {
        for (BeforeExecuteListener l : events.beforeExecuteListeners()) {
            l.beforeExecute(connection, statement, sets);
        }
    }

    void afterExecute(Executable statement, List<? extends Map<String, ?>> sets, Result result) {
        for (AfterExecuteListener l : events.afterExecuteListeners()) {
            l.afterExecute(connection, statement, sets, result);
        }
    }

    /** Runs the before-cursor-execute listeners, each seeing the SQL the previous one returned. */
    String beforeCursorExecute(String sql, List<List<Object>> sets, boolean many) {
        String current = sql;
        for (BeforeCursorExecuteListener l : events.beforeCursorExecuteListeners()) {
            String replaced = l.beforeCursorExecute(new CursorExecuteEvent(connection, current, sets, many));
            if (replaced != null) {
                current = replaced;
            }
        }
        return current;
    }

    void afterCursorExecute(String sql, List<List<Object>> sets, boolean many) {
        List<AfterCursorExecuteListener> listeners = events.afterCursorExecuteListeners();
        if (!listeners.isEmpty()) {
            CursorExecuteEvent event = new CursorExecuteEvent(connection, sql, sets, many);
            for (AfterCursorExecuteListener l : listeners) {
                l.afterCursorExecute(event);
            }
        }
    }

    void transaction(List<TransactionListener> listeners) {
        for (TransactionListener l : listeners) {
            l.on(connection);
        }
    }

    /** @return true when statements are echoed or logged, so callers format parameters only then */
    boolean echoing() {
        return engine.echo() || Connection.LOG.isDebugEnabled();
    }

    /** @return true when any cursor-execute listener is registered, so callers build its arguments only then */
    boolean hasCursorListeners() {
        return !events.beforeCursorExecuteListeners().isEmpty() || !events.afterCursorExecuteListeners().isEmpty();
    }

    /** Echoes a statement and its parameters as two lines, the parameters hidden when the engine says so. */
    void echo(String sql, String params) {
        log(sql);
        log(engine.hideParameters() ? "[SQL parameters hidden due to hideParameters]" : "[parameters: " + params + "]");
    }

    /** Echoes one line when echo is on, else logs it at DEBUG. */
    void log(String line) {
        if (engine.echo()) {
            engine.echoLine(line);
        } else if (Connection.LOG.isDebugEnabled()) {
            Connection.LOG.debug(line);
        }
    }

    /**
     * Translates a driver error through the dialect and lets the handle-error listeners replace it.
     *
     * @param conn the connection, or null when checking one out failed
     */
    static RuntimeException handleError(Engine engine, Connection conn, SQLException e, String sql, Object params,
                                        boolean disconnect) {
        DBAPIException translated = engine.dialect().translate(e, sql, engine.hideParameters() ? null : params,
                disconnect);
        RuntimeException out = translated;
        List<ErrorListener> listeners = engine.events().handleErrorListeners();
        if (!listeners.isEmpty()) {
            ErrorContext ctx = new ErrorContext(conn, sql, params, e, translated, disconnect);
            for (ErrorListener l : listeners) {
                RuntimeException replaced = l.handleError(ctx);
                if (replaced != null) {
                    out = replaced;
                }
            }
        }
        return out;
    }
}
