package org.retort.dialect.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.retort.dialect.Dialect;
import org.retort.dialect.ErrorClass;
import org.retort.exc.DBAPIException;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.PoolKind;
import org.retort.dialect.ReservedWords;
import org.retort.engine.IsolationLevel;
import org.retort.engine.URL;

/**
 * SQLite through {@code org.xerial:sqlite-jdbc}.
 *
 * <p>The driver is kept in autocommit mode and Retort emits {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK}
 * itself, so a transaction starts exactly when Retort begins one and SAVEPOINTs nest inside it as they do on
 * the servers (the fix SQLAlchemy documents for pysqlite). Foreign keys are enforced by default
 * ({@code PRAGMA foreign_keys=ON}); pass {@code ?foreign_keys=false} to turn that off.
 */
public class SqliteDialect extends Dialect {
    /** Creates the SQLite dialect; engines get theirs from {@link org.retort.dialect.Dialects}. */
    public SqliteDialect() {
    }

    private static final IdentifierPreparer PREPARER = new IdentifierPreparer("\"", "\"",
            ReservedWords.with("abort", "action", "add", "after", "analyze", "attach", "autoincrement", "before",
                    "begin", "cascade", "commit", "conflict", "database", "deferred", "detach", "each", "escape",
                    "exclusive", "explain", "fail", "glob", "if", "ignore", "immediate", "indexed", "instead",
                    "isnull", "match", "no", "notnull", "plan", "pragma", "query", "raise", "recursive", "regexp",
                    "reindex", "release", "rename", "replace", "restrict", "rollback", "rowid", "savepoint",
                    "temp", "temporary", "transaction", "trigger", "vacuum", "view", "virtual", "without"),
            false);

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String jdbcUrl(URL url) {
        return url.jdbcUrl().orElseGet(() -> "jdbc:sqlite:" + (isMemoryDatabase(url) ? ":memory:" : url.database().orElseThrow()));
    }

    @Override
    public Properties connectProperties(URL url) {
        Properties props = super.connectProperties(url);
        props.putIfAbsent("foreign_keys", "true");
        props.putIfAbsent("busy_timeout", "10000");
        return props;
    }

    @Override
    public String driverClassName() {
        return "org.sqlite.JDBC";
    }

    @Override
    public String driverCoordinates() {
        return "org.xerial:sqlite-jdbc";
    }

    @Override
    public boolean isMemoryDatabase(URL url) {
        if (url.jdbcUrl().isPresent()) {
            return url.jdbcUrl().get().contains(":memory:") || url.jdbcUrl().get().equals("jdbc:sqlite:");
        }
        return url.database().isEmpty() || url.database().get().equals(":memory:");
    }

    @Override
    public PoolKind defaultPool(URL url) {
        return isMemoryDatabase(url) ? PoolKind.SINGLETON_THREAD : PoolKind.QUEUE;
    }

    @Override
    public boolean supportsReturning() {
        return serverVersion().atLeast(3, 35);
    }

    @Override
    public boolean supportsNativeBoolean() {
        return false;
    }

    /** SQLite has no date type: Retort stores ISO-8601 text, as SQLAlchemy does. */
    @Override
    public boolean storesDatesAsText() {
        return true;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public boolean supportsSchemas() {
        return false;
    }

    @Override
    public int maxIdentifierLength() {
        return 1024;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }

    /**
     * An embedded database has no network to lose; its connection is gone only when it was closed under the user
     * (the in-memory engine's single connection closed by {@code dispose()} or {@code close()}), which the driver
     * reports without a SQLSTATE as "database connection closed".
     */
    @Override
    public boolean isDisconnect(SQLException e) {
        String message = e.getMessage();
        return message != null && message.contains("database connection closed");
    }

    /**
     * Maps SQLite's primary result codes (the low byte of the driver's error code) onto the PEP 249 classes.
     */
    @Override
    public DBAPIException translate(SQLException e, String statement, Object parameters, boolean disconnect) {
        ErrorClass c = switch (e.getErrorCode() & 0xff) {
            case 19 -> ErrorClass.INTEGRITY;                  // SQLITE_CONSTRAINT
            case 1, 21, 25 -> ErrorClass.PROGRAMMING;         // SQLITE_ERROR, MISUSE, RANGE (bad parameter index)
            case 18, 20 -> ErrorClass.DATA;                   // SQLITE_TOOBIG, SQLITE_MISMATCH
            case 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 17, 22, 23, 26 ->
                    ErrorClass.OPERATIONAL; // PERM, ABORT, BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN, ...
            case 2, 11 -> ErrorClass.INTERNAL;                // SQLITE_INTERNAL, CORRUPT
            default -> ErrorClass.fromSqlState(e.getSQLState(), disconnect);
        };
        return c.create(statement, parameters, e, disconnect);
    }

    @Override
    public void doBegin(Connection connection) throws SQLException {
        transactionCommand(connection, "BEGIN");
    }

    @Override
    public void doCommit(Connection connection) throws SQLException {
        transactionCommand(connection, "COMMIT");
    }

    @Override
    public void doRollback(Connection connection) throws SQLException {
        transactionCommand(connection, "ROLLBACK");
    }

    /**
     * Runs BEGIN, COMMIT or ROLLBACK through {@code executeUpdate}, which sqlite-jdbc hands straight to
     * {@code sqlite3_exec}. {@code execute} would also read the statement's column names and match the SQL against
     * its generated-keys patterns: that took a quarter of a short primary-key lookup's time (BEGIN, SELECT,
     * ROLLBACK) in the benchmark suite.
     */
    private static void transactionCommand(Connection connection, String sql) throws SQLException {
        try (var st = connection.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    @Override
    public void setIsolationLevel(Connection connection, IsolationLevel level) throws SQLException {
        executeRaw(connection, "PRAGMA read_uncommitted = " + (level == IsolationLevel.READ_UNCOMMITTED ? 1 : 0));
    }

    @Override
    public IsolationLevel getIsolationLevel(Connection connection) throws SQLException {
        try (var st = connection.createStatement(); var rs = st.executeQuery("PRAGMA read_uncommitted")) {
            return rs.next() && rs.getInt(1) == 1 ? IsolationLevel.READ_UNCOMMITTED : IsolationLevel.SERIALIZABLE;
        }
    }

    /** SQLite offers SERIALIZABLE, READ UNCOMMITTED (shared-cache only) and AUTOCOMMIT, as SQLAlchemy says. */
    @Override
    public java.util.Set<IsolationLevel> supportedIsolationLevels() {
        return java.util.EnumSet.of(IsolationLevel.SERIALIZABLE, IsolationLevel.READ_UNCOMMITTED, IsolationLevel.AUTOCOMMIT);
    }

    @Override
    public IsolationLevel defaultIsolationLevel() {
        return IsolationLevel.SERIALIZABLE;
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    @Override
    public org.retort.types.TypeCompiler typeCompiler() {
        return new SqliteTypeCompiler(this);
    }

    @Override
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new SqliteDdlCompiler(this);
    }

    @Override
    public org.retort.inspect.Reflector reflector() {
        return new SqliteReflector(this);
    }

    /** {@return the compiler that renders this database's SQL} */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new SqliteCompiler(this);
    }
}
