package org.retort.event;

import java.util.List;
import org.retort.engine.Connection;

/**
 * The SQL string and positional parameters about to go to (or just sent to) the JDBC driver.
 *
 * @param connection the connection executing it
 * @param statement the final SQL, with {@code ?} placeholders and IN lists expanded
 * @param parameterSets the positional values: one list for a single execution, one per set for executemany
 * @param executemany true when the statement runs as a JDBC batch
 */
public record CursorExecuteEvent(Connection connection, String statement, List<List<Object>> parameterSets,
                                 boolean executemany) {

    /** {@return the values of the first (for a single execution, the only) parameter set} */
    public List<Object> parameters() {
        return parameterSets.isEmpty() ? List.of() : parameterSets.get(0);
    }
}
