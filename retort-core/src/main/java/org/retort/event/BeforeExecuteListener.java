package org.retort.event;

import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.sql.Executable;

/** Called before a statement is compiled and executed (SQLAlchemy's {@code before_execute}). */
@FunctionalInterface
public interface BeforeExecuteListener {

    /**
     * Sees a statement about to run.
     *
     * @param connection the connection executing it
     * @param statement the statement as the caller passed it
     * @param parameterSets the parameter maps: one for a single execution, several for executemany
     */
    void beforeExecute(Connection connection, Executable statement, List<? extends Map<String, ?>> parameterSets);
}
