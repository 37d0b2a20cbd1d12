package org.retort.event;

import java.sql.SQLException;
import org.retort.engine.Connection;
import org.retort.exc.DBAPIException;

/**
 * What an {@link ErrorListener} learns about a failure (SQLAlchemy's {@code ExceptionContext}).
 *
 * @param connection the connection the failure happened on, or null when checking one out failed
 * @param statement the SQL that failed, or null
 * @param parameters its parameters, or null
 * @param sqlException the driver's exception
 * @param exception the Retort exception the dialect translated it into, which will be thrown unless replaced
 * @param isDisconnect true when the connection was found lost and has been invalidated
 */
public record ErrorContext(Connection connection, String statement, Object parameters, SQLException sqlException,
                           DBAPIException exception, boolean isDisconnect) {
}
