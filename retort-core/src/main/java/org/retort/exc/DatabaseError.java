package org.retort.exc;

import java.sql.SQLException;

/**
 * An error reported by the database (PEP 249 {@code DatabaseError}); the specific subclasses say more.
 */
public class DatabaseError extends DBAPIException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param statement the SQL that failed, or null
     * @param parameters the parameters sent with it, or null
     * @param cause the driver's exception
     * @param connectionInvalidated true when the connection was lost
     */
    public DatabaseError(String statement, Object parameters, SQLException cause, boolean connectionInvalidated) {
        super(statement, parameters, cause, connectionInvalidated);
    }
}
