package org.retort.dialect;

import java.sql.SQLException;
import org.retort.exc.DBAPIException;
import org.retort.exc.DataError;
import org.retort.exc.DatabaseError;
import org.retort.exc.IntegrityError;
import org.retort.exc.InterfaceError;
import org.retort.exc.InternalDatabaseError;
import org.retort.exc.NotSupportedError;
import org.retort.exc.OperationalError;
import org.retort.exc.ProgrammingError;

/** The PEP 249 exception classes, and the SQLSTATE classes that select them. */
public enum ErrorClass {
    /** {@link InterfaceError}. */
    INTERFACE,
    /** {@link DatabaseError}. */
    DATABASE,
    /** {@link DataError}. */
    DATA,
    /** {@link OperationalError}. */
    OPERATIONAL,
    /** {@link IntegrityError}. */
    INTEGRITY,
    /** {@link InternalDatabaseError}. */
    INTERNAL,
    /** {@link ProgrammingError}. */
    PROGRAMMING,
    /** {@link NotSupportedError}. */
    NOT_SUPPORTED;

    /**
     * Picks the class for an SQLSTATE by its two-character class code (ISO/IEC 9075).
     *
     * @param sqlState the SQLSTATE, may be null
     * @param disconnect whether the connection was lost, which always means {@link #OPERATIONAL}
     * @return the class
     */
    public static ErrorClass fromSqlState(String sqlState, boolean disconnect) {
        if (disconnect) {
            return OPERATIONAL;
        }
        if (sqlState == null || sqlState.length() < 2) {
            return DATABASE;
        }
        return switch (sqlState.substring(0, 2)) {
            case "23" -> INTEGRITY;
            case "22" -> DATA;
            case "42", "3F", "26", "34", "2B", "3D", "07" -> PROGRAMMING;
            case "0A" -> NOT_SUPPORTED;
            case "08", "28", "40", "53", "54", "55", "57", "58", "HY", "25" -> OPERATIONAL;
            case "XX" -> INTERNAL;
            default -> DATABASE;
        };
    }

    /**
     * Creates the exception of this class.
     *
     * @param statement the SQL, or null
     * @param parameters the parameters, or null
     * @param e the driver's exception
     * @param disconnect whether the connection was lost
     * @return the exception
     */
    public DBAPIException create(String statement, Object parameters, SQLException e, boolean disconnect) {
        return switch (this) {
            case INTERFACE -> new InterfaceError(statement, parameters, e, disconnect);
            case DATABASE -> new DatabaseError(statement, parameters, e, disconnect);
            case DATA -> new DataError(statement, parameters, e, disconnect);
            case OPERATIONAL -> new OperationalError(statement, parameters, e, disconnect);
            case INTEGRITY -> new IntegrityError(statement, parameters, e, disconnect);
            case INTERNAL -> new InternalDatabaseError(statement, parameters, e, disconnect);
            case PROGRAMMING -> new ProgrammingError(statement, parameters, e, disconnect);
            case NOT_SUPPORTED -> new NotSupportedError(statement, parameters, e, disconnect);
        };
    }
}
