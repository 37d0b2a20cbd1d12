package org.retort.exc;

import java.sql.SQLException;

/**
 * The database does not support the feature the statement uses (PEP 249 {@code NotSupportedError}).
 */
public class NotSupportedError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param statement the SQL that failed, or null
     * @param parameters the parameters sent with it, or null
     * @param cause the driver's exception
     * @param connectionInvalidated true when the connection was lost
     */
    public NotSupportedError(String statement, Object parameters, SQLException cause, boolean connectionInvalidated) {
        super(statement, parameters, cause, connectionInvalidated);
    }
}
