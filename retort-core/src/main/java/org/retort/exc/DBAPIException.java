package org.retort.exc;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A failure reported by the JDBC driver while executing a statement, wrapped with the SQL and the
 * parameters that caused it (SQLAlchemy's {@code DBAPIError}).
 *
 * <p>The subclass follows PEP 249's tree and is chosen from the SQLSTATE and vendor code by the dialect:
 * {@link IntegrityError} for constraint violations, {@link OperationalError} for lost connections,
 * deadlocks and timeouts, {@link ProgrammingError} for bad SQL, {@link DataError} for bad values,
 * {@link NotSupportedError} for features the database lacks. The original {@link SQLException} is the cause.
 */
public class DBAPIException extends RetortException {
    /**
     * SQLSTATE 08007, "transaction resolution unknown": the connection was lost during COMMIT, so the transaction
     * may or may not have been committed. Retort gives this state to such failures; see
     * {@link #commitOutcomeUnknown()}.
     */
    public static final String COMMIT_OUTCOME_UNKNOWN = "08007";

    private static final long serialVersionUID = 1L;
    private static final int MAX_PARAM_CHARS = 300;

    /** The SQL that failed, or null. */
    private final String statement;
    private final transient Object parameters;
    /** Whether the failure means the connection is gone. */
    private final boolean connectionInvalidated;

    /**
     * Creates the exception.
     *
     * @param statement the SQL that failed, or null when none was being executed
     * @param parameters the parameters (a map, list or array), or null
     * @param cause the driver's exception
     * @param connectionInvalidated true when the failure means the connection is gone
     */
    public DBAPIException(String statement, Object parameters, SQLException cause, boolean connectionInvalidated) {
        super(describe(cause, statement, parameters), cause);
        this.statement = statement;
        this.parameters = parameters;
        this.connectionInvalidated = connectionInvalidated;
    }

    /** {@return the SQL that failed, or null} */
    public String statement() {
        return statement;
    }

    /** {@return the parameters sent with the statement, or null} */
    public Object parameters() {
        return parameters;
    }

    /** {@return true when the connection was lost and the pool has discarded it (a "disconnect" error)} */
    public boolean connectionInvalidated() {
        return connectionInvalidated;
    }

    /** {@return the driver's exception} */
    public SQLException sqlException() {
        return (SQLException) getCause();
    }

    /**
     * Whether this error is a COMMIT whose connection was lost before the server answered: the transaction may
     * have been committed or not. Do not simply run it again; look for its effects first (or make it idempotent).
     *
     * @return true for SQLSTATE {@value #COMMIT_OUTCOME_UNKNOWN}
     */
    public boolean commitOutcomeUnknown() {
        return COMMIT_OUTCOME_UNKNOWN.equals(sqlState());
    }

    /** {@return the SQLSTATE the driver reported, or null} */
    public String sqlState() {
        return sqlException().getSQLState();
    }

    /** {@return the vendor error code the driver reported} */
    public int vendorCode() {
        return sqlException().getErrorCode();
    }

    private static String describe(SQLException cause, String statement, Object parameters) {
        StringBuilder sb = new StringBuilder();
        sb.append('(').append(cause.getClass().getName()).append(") ").append(cause.getMessage());
        if (cause.getSQLState() != null) {
            sb.append(" [SQLSTATE ").append(cause.getSQLState()).append(']');
        }
        if (statement != null) {
            sb.append("\n[SQL: ").append(statement).append(']');
        }
        if (parameters != null) {
            sb.append("\n[parameters: ").append(truncate(render(parameters))).append(']');
        }
        return sb.toString();
    }

    private static String render(Object parameters) {
        if (parameters instanceof Object[] array) {
            return java.util.Arrays.deepToString(array);
        }
        if (parameters instanceof List<?> list && list.size() > 10) {
            return list.subList(0, 10) + " ... displaying 10 of " + list.size() + " total parameter sets";
        }
        if (parameters instanceof Map<?, ?> || parameters instanceof List<?>) {
            return parameters.toString();
        }
        return String.valueOf(parameters);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_PARAM_CHARS ? s : s.substring(0, MAX_PARAM_CHARS) + "... (" + (s.length() - MAX_PARAM_CHARS) + " characters truncated)";
    }
}
