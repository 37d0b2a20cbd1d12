package org.retort.exc;

import java.sql.SQLException;

/**
 * The database reported an internal inconsistency (PEP 249 {@code InternalDatabaseError}).
 */
public class InternalDatabaseError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param statement the SQL that failed, or null
     * @param parameters the parameters sent with it, or null
     * @param cause the driver's exception
     * @param connectionInvalidated true when the connection was lost
     */
    public InternalDatabaseError(String statement, Object parameters, SQLException cause, boolean connectionInvalidated) {
        super(statement, parameters, cause, connectionInvalidated);
    }
}
