package org.retort.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.retort.engine.IsolationLevel;
import org.retort.engine.URL;
import org.retort.exc.DBAPIException;
import org.retort.exc.NoSuchModuleException;

/**
 * Everything Retort knows about one database: how to reach it over JDBC, what it can do, how it quotes
 * names, how it runs transactions and how its errors map onto Retort's exceptions (SQLAlchemy's
 * {@code Dialect}).
 *
 * <p>A dialect instance belongs to one {@link org.retort.engine.Engine}; it learns the server version on the
 * first connection ({@link #initialize(Connection)}) and is immutable after that. Capabilities are plain
 * methods ({@code supportsReturning()}, ...) so code asks the dialect instead of testing which database it is.
 */
public abstract class Dialect {
    /** Creates the dialect; a subclass describes one database. Engines get theirs from {@link Dialects}. */
    public Dialect() {
    }

    private volatile ServerVersion serverVersion = ServerVersion.UNKNOWN;
    private volatile boolean initialized;

    /** {@return the dialect's name as used in URLs: sqlite, postgresql, mysql, mariadb, h2, oracle, mssql} */
    public abstract String name();

    // ------------------------------------------------------------------ connecting

    /**
     * Builds the JDBC URL for a Retort URL.
     *
     * @param url the parsed URL
     * @return the JDBC URL, without user and password
     */
    public abstract String jdbcUrl(URL url);

    /**
     * Builds the connection properties: user, password, and the URL's query options the dialect does not
     * consume itself, plus dialect-specific defaults.
     *
     * @param url the parsed URL
     * @return the properties handed to the driver
     */
    public Properties connectProperties(URL url) {
        Properties props = new Properties();
        url.username().ifPresent(u -> props.setProperty("user", u));
        url.password().ifPresent(p -> props.setProperty("password", p));
        url.query().forEach(props::setProperty);
        return props;
    }

    /** {@return the JDBC driver class this dialect needs} */
    public abstract String driverClassName();

    /** {@return the Maven coordinates of the driver, for the error when it is missing} */
    public abstract String driverCoordinates();

    /**
     * Makes sure the JDBC driver is loadable.
     *
     * @throws NoSuchModuleException naming the Maven coordinates to add when it is not
     */
    public void loadDriver() {
        try {
            Class.forName(driverClassName(), true, Dialect.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            try {
                Class.forName(driverClassName(), true, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException again) {
                throw new NoSuchModuleException("The JDBC driver for " + name() + " (" + driverClassName()
                        + ") is not on the class path: add the dependency " + driverCoordinates(), e);
            }
        }
    }

    /**
     * Called once with the engine's first connection; records the server version.
     *
     * @param connection a fresh JDBC connection
     * @throws SQLException when the metadata cannot be read
     */
    public void initialize(Connection connection) throws SQLException {
        if (initialized) {
            return;
        }
        synchronized (this) {
            if (!initialized) {
                DatabaseMetaData md = connection.getMetaData();
                serverVersion = ServerVersion.parse(md.getDatabaseProductVersion());
                initialized = true;
            }
        }
    }

    /** {@return the server version, known after the first connection; {@link ServerVersion#UNKNOWN} before} */
    public ServerVersion serverVersion() {
        return serverVersion;
    }

    /**
     * Sets the server version by hand, for compiling without a connection: a compile-only dialect then renders
     * what that version accepts (MySQL 8.0.19's row alias in upserts, MariaDB 10.5's RETURNING, ...). Use it on
     * a dialect made for offline compilation, not on an engine's.
     *
     * @param version the version to assume
     */
    public void assumeServerVersion(ServerVersion version) {
        serverVersion = version;
        initialized = true;
    }

    /** {@return true when the server version has been learned or set} */
    public boolean isInitialized() {
        return initialized;
    }

    /**
     * Whether a URL names an in-memory database, which decides the default pool.
     *
     * @param url the URL
     * @return true for an in-memory database
     */
    public boolean isMemoryDatabase(URL url) {
        return false;
    }

    /**
     * {@return the pool class an engine uses when the user names none}
     *
     * @param url the engine's URL (an in-memory database may need a pool that keeps one connection)
     */
    public PoolKind defaultPool(URL url) {
        return PoolKind.QUEUE;
    }

    // ------------------------------------------------------------------ capabilities

    /** {@return true when INSERT/UPDATE/DELETE ... RETURNING works on this server} */
    public boolean supportsReturning() {
        return false;
    }

    /**
     * {@return true when UPDATE ... RETURNING works on this server; the same as {@link #supportsReturning()}
     * except where a database has RETURNING for INSERT and DELETE only (MariaDB)}
     */
    public boolean supportsUpdateReturning() {
        return supportsReturning();
    }

    /**
     * The statement text that runs a compiled statement whose OUT parameters the database fills (Oracle's
     * {@code INSERT ... RETURNING col INTO ?}) through a JDBC {@link java.sql.CallableStatement}. Its placeholders
     * are the compiled statement's, in order, followed by one more OUT parameter: the count of rows the statement
     * changed.
     *
     * @param sql the compiled SQL with {@code ?} placeholders
     * @return the callable text
     * @throws org.retort.exc.InvalidRequestException where the database returns rows from DML in a cursor instead
     */
    public String returningIntoCall(String sql) {
        throw new org.retort.exc.InvalidRequestException(name() + " returns rows from RETURNING in a result set; a "
                + "statement with OUT parameters (RETURNING ... INTO) is Oracle's form, compiled for an Oracle dialect");
    }

    /**
     * Whether a multi-row {@code INSERT ... VALUES ... RETURNING} assigns autoincrement primary keys in the order of
     * its VALUES rows, so that sorting the returned rows by that key puts them in parameter order (MariaDB with
     * InnoDB, as SQLAlchemy relies on). Where false, an executemany that must return rows in parameter order needs an
     * insert sentinel or runs one INSERT per parameter set.
     *
     * @return false by default
     */
    public boolean insertManyValuesAutoincrementInOrder() {
        return false;
    }

    /**
     * Whether {@code INSERT INTO t (...) SELECT ... FROM (VALUES ...) ORDER BY counter} assigns identity or serial
     * values in the ORDER BY's order (PostgreSQL and SQL Server, as SQLAlchemy relies on), so that a batch in that
     * form, sorted by the generated key, comes back in parameter order.
     *
     * @return false by default
     */
    public boolean insertManyValuesOrderedSelect() {
        return false;
    }

    /** {@return true when one INSERT may carry several VALUES rows} */
    public boolean supportsMultiValuesInsert() {
        return true;
    }

    /** {@return true when SAVEPOINT works} */
    public boolean supportsSavepoints() {
        return true;
    }

    /** {@return true when CREATE SEQUENCE and NEXT VALUE work} */
    public boolean supportsSequences() {
        return false;
    }

    /** {@return true when the database has a real BOOLEAN type} */
    public boolean supportsNativeBoolean() {
        return true;
    }

    /**
     * Whether the database keeps dates and times as text (SQLite), so untyped result columns are read as text
     * and parsed, rather than through the driver's own date parsing.
     *
     * @return true for text-stored dates
     */
    public boolean storesDatesAsText() {
        return false;
    }

    /** {@return true when the database has a real UUID type} */
    public boolean supportsNativeUuid() {
        return false;
    }

    /** {@return true when the database has a native ENUM type} */
    public boolean supportsNativeEnum() {
        return false;
    }

    /** {@return true when DDL runs inside a transaction and rolls back with it} */
    public boolean supportsTransactionalDdl() {
        return false;
    }

    /** {@return true when schemas (namespaces inside one database) exist} */
    public boolean supportsSchemas() {
        return true;
    }

    /** {@return true when the driver's executeBatch reports a row count per parameter set} */
    public boolean supportsSaneMultiRowCount() {
        return true;
    }

    /** {@return the longest identifier the database accepts} */
    public int maxIdentifierLength() {
        return 63;
    }

    /**
     * The subquery an empty IN list renders as, so that {@code x IN ()} becomes a valid, always-false test.
     *
     * @return a SELECT returning no rows
     */
    public String emptySetExpression() {
        return "SELECT 1 WHERE 1!=1";
    }

    /**
     * How this database spells strings and bytes written inline in SQL (literal binds, DDL comments, LIKE's
     * {@code ESCAPE}); the style's forms mean the same under every server setting that changes literal parsing.
     *
     * @return the literal style
     */
    public LiteralStyle literalStyle() {
        return LiteralStyle.STANDARD;
    }

    /**
     * The subquery an empty IN list of values of a type renders as; databases that type-check both sides of IN
     * (PostgreSQL) override it to give the empty set that type.
     *
     * @param type the type of the list's values
     * @return a SELECT returning no rows
     */
    public String emptySetExpression(org.retort.types.SqlType<?> type) {
        return emptySetExpression();
    }

    /**
     * A new compiler for statements of the expression language on this dialect; each dialect returns its own
     * subclass, overriding only what its database renders differently.
     *
     * @return a compiler for one statement
     */
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new org.retort.sql.compiler.SqlCompiler(this);
    }

    // ------------------------------------------------------------------ identifiers

    /** {@return how this dialect quotes identifiers} */
    public abstract IdentifierPreparer identifierPreparer();

    /**
     * Quotes an identifier when it needs it (reserved word, upper case or special characters).
     *
     * @param identifier the name
     * @return the name as it must appear in SQL
     */
    public String quote(String identifier) {
        return identifierPreparer().quote(identifier);
    }

    /**
     * Quotes a schema name where one is needed; SQL Server overrides it for multi-part owners
     * ({@code mydb.dbo}).
     *
     * @param schema the schema as given to the table
     * @return the schema as written in SQL
     */
    public String quoteSchema(String schema) {
        return quote(schema);
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Starts a transaction on a connection that is in autocommit mode as far as the driver knows.
     *
     * @param connection the JDBC connection
     * @throws SQLException on failure
     */
    public void doBegin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    /**
     * Commits the transaction {@link #doBegin} started.
     *
     * @param connection the JDBC connection
     * @throws SQLException on failure
     */
    public void doCommit(Connection connection) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            restoreAutoCommit(connection, e);
            throw e;
        }
        connection.setAutoCommit(true);
    }

    /**
     * Rolls back the transaction {@link #doBegin} started.
     *
     * @param connection the JDBC connection
     * @throws SQLException on failure
     */
    public void doRollback(Connection connection) throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException e) {
            restoreAutoCommit(connection, e);
            throw e;
        }
        connection.setAutoCommit(true);
    }

    /**
     * Puts a connection back in autocommit after its COMMIT or ROLLBACK failed, keeping the failure as the error:
     * on a dead connection this second call fails too ("Connection is closed", no SQLSTATE), and letting it
     * replace the first would hide the I/O error that says the connection was lost.
     *
     * @param connection the JDBC connection
     * @param failure the COMMIT or ROLLBACK failure, which gains this call's failure as a suppressed exception
     */
    protected static void restoreAutoCommit(Connection connection, SQLException failure) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Emits SAVEPOINT.
     *
     * @param connection the JDBC connection
     * @param name the savepoint name
     * @throws SQLException on failure
     */
    public void doSavepoint(Connection connection, String name) throws SQLException {
        executeRaw(connection, "SAVEPOINT " + quote(name));
    }

    /**
     * Emits ROLLBACK TO SAVEPOINT.
     *
     * @param connection the JDBC connection
     * @param name the savepoint name
     * @throws SQLException on failure
     */
    public void doRollbackToSavepoint(Connection connection, String name) throws SQLException {
        executeRaw(connection, "ROLLBACK TO SAVEPOINT " + quote(name));
    }

    /**
     * Emits RELEASE SAVEPOINT.
     *
     * @param connection the JDBC connection
     * @param name the savepoint name
     * @throws SQLException on failure
     */
    public void doReleaseSavepoint(Connection connection, String name) throws SQLException {
        executeRaw(connection, "RELEASE SAVEPOINT " + quote(name));
    }

    /**
     * Sets the isolation level of a connection. {@link IsolationLevel#AUTOCOMMIT} is handled by the engine and
     * never reaches this method.
     *
     * @param connection the JDBC connection
     * @param level the level
     * @throws SQLException on failure
     */
    public void setIsolationLevel(Connection connection, IsolationLevel level) throws SQLException {
        connection.setTransactionIsolation(level.jdbcLevel());
    }

    /**
     * Reads the isolation level of a connection.
     *
     * @param connection the JDBC connection
     * @return the level
     * @throws SQLException on failure
     */
    public IsolationLevel getIsolationLevel(Connection connection) throws SQLException {
        return IsolationLevel.ofJdbc(connection.getTransactionIsolation());
    }

    /**
     * The isolation levels this database accepts, {@link IsolationLevel#AUTOCOMMIT} included; setting another
     * fails with an error that lists these.
     *
     * @return the supported levels
     */
    public java.util.Set<IsolationLevel> supportedIsolationLevels() {
        return java.util.EnumSet.allOf(IsolationLevel.class);
    }

    /**
     * Tests whether a connection still works, for the pool's pre-ping (SQLAlchemy's {@code do_ping}).
     *
     * @param connection the JDBC connection
     * @return true when it answers
     * @throws SQLException when the test itself fails, which counts as dead
     */
    public boolean ping(Connection connection) throws SQLException {
        return connection.isValid(5);
    }

    /** {@return the isolation level connections have when nobody set one} */
    public IsolationLevel defaultIsolationLevel() {
        return IsolationLevel.READ_COMMITTED;
    }

    /**
     * Runs a statement with no parameters and no result, for transaction control and session setup.
     *
     * @param connection the JDBC connection
     * @param sql the statement
     * @throws SQLException on failure
     */
    protected static void executeRaw(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    // ------------------------------------------------------------------ errors

    /**
     * Whether an exception means the connection is unusable and must be discarded.
     *
     * @param e the driver's exception
     * @return true for a disconnect
     */
    public boolean isDisconnect(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08") || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLRecoverableException;
    }

    /**
     * Wraps a driver exception in the PEP 249 class that fits it.
     *
     * @param e the driver's exception
     * @param statement the SQL being executed, or null
     * @param parameters its parameters, or null
     * @param disconnect whether the connection was found lost
     * @return the exception to throw
     */
    public DBAPIException translate(SQLException e, String statement, Object parameters, boolean disconnect) {
        return ErrorClass.fromSqlState(e.getSQLState(), disconnect).create(statement, parameters, e, disconnect);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name() + (initialized ? " " + serverVersion : "") + ")";
    }

    /**
     * Lower-cases a name for comparison, as most dialects fold unquoted names.
     *
     * @param name the name
     * @return the folded name
     */
    protected static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    /**
     * How this database spells each type in DDL and carries its values over JDBC; dialects override to return
     * their own subclass.
     *
     * @return a type compiler for this dialect
     */
    public org.retort.types.TypeCompiler typeCompiler() {
        return new org.retort.types.TypeCompiler(this);
    }

    /**
     * How this database's DDL is written (CREATE TABLE, indexes, sequences, comments).
     *
     * @return a DDL compiler for this dialect
     */
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new org.retort.schema.DdlCompiler(this);
    }

    /**
     * The queries that read this database's catalog back into Retort's schema objects.
     *
     * @return the reflector
     * @throws org.retort.exc.ArgumentException on a dialect Retort only renders SQL for (Oracle, SQL Server)
     */
    public org.retort.inspect.Reflector reflector() {
        throw new org.retort.exc.ArgumentException("Retort reflects sqlite, h2, postgresql, mysql and mariadb "
                + "databases; the " + name() + " dialect renders SQL only");
    }
}
