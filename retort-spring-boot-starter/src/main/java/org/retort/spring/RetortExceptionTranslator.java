package org.retort.spring;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.retort.exc.ArgumentException;
import org.retort.exc.DBAPIException;
import org.retort.exc.DataError;
import org.retort.exc.IntegrityError;
import org.retort.exc.InvalidRequestException;
import org.retort.exc.MultipleResultsFound;
import org.retort.exc.NoResultFound;
import org.retort.exc.OperationalError;
import org.retort.exc.PoolTimeoutException;
import org.retort.exc.ProgrammingError;
import org.retort.orm.StaleDataException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Turns Retort's exceptions into Spring's {@link DataAccessException} tree, so code written against Spring's
 * exceptions (a {@code DuplicateKeyException} handler, retry on {@code TransientDataAccessException}) works
 * unchanged over Retort. Spring applies it to every {@code @Repository} bean when registered as a bean (the starter
 * does), and {@link #translate(RuntimeException)} applies it by hand.
 *
 * <p>A driver failure ({@link DBAPIException}) goes first through Spring's own JDBC translation of the driver's
 * {@link SQLException} (error codes per database, then SQLSTATE), which gives the finest classes, e.g.
 * {@code DuplicateKeyException}; when that has no answer, Retort's PEP 249 class decides:
 *
 * <table>
 *   <caption>Fallback by Retort class</caption>
 *   <tr><th>Retort</th><th>Spring</th></tr>
 *   <tr><td>{@link IntegrityError}, {@link DataError}</td><td>{@link DataIntegrityViolationException}</td></tr>
 *   <tr><td>{@link ProgrammingError}</td><td>{@link InvalidDataAccessResourceUsageException}</td></tr>
 *   <tr><td>{@link OperationalError}</td><td>{@link DataAccessResourceFailureException} when the connection was lost,
 *       else {@link TransientDataAccessResourceException}</td></tr>
 *   <tr><td>other {@link DBAPIException}</td><td>{@link UncategorizedSQLException}</td></tr>
 *   <tr><td>{@link PoolTimeoutException}</td><td>{@link DataAccessResourceFailureException}</td></tr>
 *   <tr><td>{@link NoResultFound}</td><td>{@link EmptyResultDataAccessException}</td></tr>
 *   <tr><td>{@link MultipleResultsFound}</td><td>{@link IncorrectResultSizeDataAccessException}</td></tr>
 *   <tr><td>{@link StaleDataException}</td><td>{@link OptimisticLockingFailureException}</td></tr>
 *   <tr><td>{@link InvalidRequestException}, {@link ArgumentException}</td>
 *       <td>{@link InvalidDataAccessApiUsageException}</td></tr>
 * </table>
 *
 * <p>Other exceptions are left alone. Every translated exception keeps the Retort exception, whose message names the
 * statement and what to do: as its cause, or, when Spring's JDBC translation made it (its cause is then the driver's
 * {@link SQLException}), as a suppressed exception.
 */
public final class RetortExceptionTranslator implements PersistenceExceptionTranslator {
    private final SQLExceptionTranslator jdbc;

    /**
     * Creates a translator that reads the database's error codes from the data source's metadata (once, lazily).
     *
     * @param dataSource the data source the exceptions come from
     */
    public RetortExceptionTranslator(DataSource dataSource) {
        this.jdbc = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /** Creates a translator that knows no database's error codes: SQLSTATE and Retort's classes decide. */
    public RetortExceptionTranslator() {
        this.jdbc = new SQLErrorCodeSQLExceptionTranslator();
    }

    /**
     * Translates an exception, or returns null when it is not Retort's.
     *
     * @param ex the exception
     * @return the Spring exception, or null
     */
    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (ex instanceof DataAccessException already) {
            return already;
        }
        if (ex instanceof DBAPIException db) {
            return translateDriverFailure(db);
        }
        String message = ex.getMessage();
        return switch (ex) {
            case PoolTimeoutException e -> new DataAccessResourceFailureException(message, e);
            case NoResultFound e -> new EmptyResultDataAccessException(message, 1, e);
            case MultipleResultsFound e -> new IncorrectResultSizeDataAccessException(message, 1, e);
            case StaleDataException e -> new OptimisticLockingFailureException(message, e);
            case InvalidRequestException e -> new InvalidDataAccessApiUsageException(message, e);
            case ArgumentException e -> new InvalidDataAccessApiUsageException(message, e);
            default -> null;
        };
    }

    /**
     * Translates an exception when it is Retort's, and otherwise returns it as it is: for code that catches
     * exceptions outside a {@code @Repository}.
     *
     * @param ex the exception
     * @return the Spring exception, or {@code ex}
     */
    public RuntimeException translate(RuntimeException ex) {
        DataAccessException translated = translateExceptionIfPossible(ex);
        return translated != null ? translated : ex;
    }

    private DataAccessException translateDriverFailure(DBAPIException e) {
        String message = e.getMessage();
        SQLException sql = e.sqlException();
        if (sql != null) {
            DataAccessException fine = jdbc.translate("Retort", e.statement(), sql);
            if (fine != null && !(fine instanceof UncategorizedSQLException)) {
                return withRetortCause(fine, e);
            }
        }
        return switch (e) {
            case IntegrityError i -> new DataIntegrityViolationException(message, i);
            case DataError d -> new DataIntegrityViolationException(message, d);
            case ProgrammingError p -> new InvalidDataAccessResourceUsageException(message, p);
            case OperationalError o when o.connectionInvalidated() -> new DataAccessResourceFailureException(message, o);
            case OperationalError o -> new TransientDataAccessResourceException(message, o);
            default -> new UncategorizedSQLException("Retort", e.statement(), sql != null ? sql
                    : new SQLException(message));
        };
    }

    /**
     * Spring's JDBC translation names the driver's exception as the cause; the Retort exception, whose message
     * carries the SQL and its parameters, is added as a suppressed exception so neither is lost.
     */
    private static DataAccessException withRetortCause(DataAccessException translated, DBAPIException retort) {
        translated.addSuppressed(retort);
        return translated;
    }
}
