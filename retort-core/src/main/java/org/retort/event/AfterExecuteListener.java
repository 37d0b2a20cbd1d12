package org.retort.event;

import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Result;
import org.retort.sql.Executable;

/** Called after a statement ran, with its result (SQLAlchemy's {@code after_execute}). */
@FunctionalInterface
public interface AfterExecuteListener {

    /**
     * Sees a statement that ran.
     *
     * @param connection the connection that executed it
     * @param statement the statement as the caller passed it
     * @param parameterSets the parameter maps: one for a single execution, several for executemany
     * @param result its result; rows not yet read
     */
    void afterExecute(Connection connection, Executable statement, List<? extends Map<String, ?>> parameterSets,
                      Result result);
}
