package org.retort.exc;

import java.sql.SQLException;

/**
 * A value the database cannot store: too long, out of range, malformed (PEP 249 {@code DataError}).
 */
public class DataError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param statement the SQL that failed, or null
     * @param parameters the parameters sent with it, or null
     * @param cause the driver's exception
     * @param connectionInvalidated true when the connection was lost
     */
    public DataError(String statement, Object parameters, SQLException cause, boolean connectionInvalidated) {
        super(statement, parameters, cause, connectionInvalidated);
    }
}
