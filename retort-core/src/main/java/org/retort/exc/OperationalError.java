package org.retort.exc;

import java.sql.SQLException;

/**
 * A failure of the database's operation rather than the statement: lost connection, deadlock, lock timeout, server shutting down (PEP 249 {@code OperationalError}).
 */
public class OperationalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param statement the SQL that failed, or null
     * @param parameters the parameters sent with it, or null
     * @param cause the driver's exception
     * @param connectionInvalidated true when the connection was lost
     */
    public OperationalError(String statement, Object parameters, SQLException cause, boolean connectionInvalidated) {
        super(statement, parameters, cause, connectionInvalidated);
    }
}
