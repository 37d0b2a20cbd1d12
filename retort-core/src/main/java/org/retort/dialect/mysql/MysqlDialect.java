package org.retort.dialect.mysql;

import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.dialect.ErrorClass;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.ReservedWords;
import org.retort.engine.IsolationLevel;
import org.retort.engine.URL;
import org.retort.exc.DBAPIException;

/**
 * MySQL through the MariaDB driver {@code org.mariadb.jdbc:mariadb-java-client}, which speaks to both servers.
 *
 * <p>Identifiers are quoted with backticks. A "schema" is a MySQL database. {@link MariadbDialect} adds what
 * MariaDB has beyond MySQL (RETURNING on INSERT and DELETE since 10.5, sequences since 10.3).
 */
public class MysqlDialect extends Dialect {
    /** Creates the MySQL dialect; engines get theirs from {@link org.retort.dialect.Dialects}. */
    public MysqlDialect() {
    }

    private static final Set<String> RESERVED = ReservedWords.with("accessible", "add", "analyze", "before",
            "bigint", "blob", "call", "cascade", "change", "char", "character", "condition", "continue", "convert",
            "database", "databases", "day_hour", "dec", "decimal", "declare", "delayed", "describe",
            "deterministic", "distinctrow", "div", "double", "dual", "each", "elseif", "enclosed", "escaped",
            "exit", "explain", "float", "force", "fulltext", "generated", "high_priority", "if", "ignore",
            "infile", "inout", "int", "integer", "interval", "iterate", "keys", "kill", "leave", "lines", "load",
            "lock", "long", "longblob", "longtext", "loop", "low_priority", "match", "mediumint", "mod", "modifies",
            "numeric", "optimize", "option", "optionally", "out", "outfile", "partition", "precision",
            "procedure", "purge", "range", "read", "reads", "real", "regexp", "release", "rename", "repeat",
            "replace", "require", "restrict", "return", "revoke", "rlike", "schema", "schemas", "separator",
            "show", "signal", "smallint", "spatial", "specific", "sql", "sqlexception", "sqlstate", "sqlwarning",
            "ssl", "starting", "stored", "straight_join", "terminated", "tinyint", "trigger", "undo", "unlock",
            "unsigned", "usage", "use", "utc_date", "utc_time", "utc_timestamp", "varbinary", "varchar",
            "varying", "virtual", "while", "write", "xor", "year_month", "zerofill", "rank", "groups",
            "row_number", "dense_rank", "cube", "system", "recursive", "empty", "lag", "lead");
    private static final IdentifierPreparer PREPARER = new IdentifierPreparer("`", "`", RESERVED, false);

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String jdbcUrl(URL url) {
        return url.jdbcUrl().orElseGet(() -> "jdbc:mariadb://" + url.host().orElse("localhost")
                + url.port().map(p -> ":" + p).orElse("") + "/" + url.database().orElse(""));
    }

    @Override
    public Properties connectProperties(URL url) {
        Properties props = super.connectProperties(url);
        if (!"mariadb".equals(name())) {
            props.putIfAbsent("permitMysqlScheme", "true");
        }
        return props;
    }

    @Override
    public String driverClassName() {
        return "org.mariadb.jdbc.Driver";
    }

    @Override
    public String driverCoordinates() {
        return "org.mariadb.jdbc:mariadb-java-client";
    }

    @Override
    public boolean supportsNativeBoolean() {
        return false;
    }

    @Override
    public boolean supportsNativeEnum() {
        return true;
    }

    @Override
    public String emptySetExpression() {
        return "SELECT 1 FROM DUAL WHERE 1!=1";
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public org.retort.dialect.LiteralStyle literalStyle() {
        return org.retort.dialect.LiteralStyle.MYSQL;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }

    @Override
    public IsolationLevel defaultIsolationLevel() {
        return IsolationLevel.REPEATABLE_READ;
    }

    /**
     * Connection errors (SQLSTATE class 08) and the server's "gone away" family: 2006 server gone away, 2013
     * lost connection during query, 2014, 2045, 2055, 4031 (disconnected for inactivity), 1927 (connection killed),
     * 1053 (server shutdown in progress).
     */
    @Override
    public boolean isDisconnect(SQLException e) {
        int code = e.getErrorCode();
        return super.isDisconnect(e) || code == 2006 || code == 2013 || code == 2014 || code == 2045 || code == 2055
                || code == 4031 || code == 1927 || code == 1053;
    }

    /**
     * Picks the class from the server's error number, which says more than its SQLSTATE (many MySQL errors share
     * HY000): duplicate key, NOT NULL and foreign-key errors are integrity errors, out-of-range and too-long
     * values data errors, unknown tables and columns and syntax errors programming errors, deadlocks and lock
     * timeouts operational errors.
     */
    @Override
    public DBAPIException translate(SQLException e, String statement, Object parameters, boolean disconnect) {
        ErrorClass c = disconnect ? ErrorClass.OPERATIONAL : switch (e.getErrorCode()) {
            case 1022, 1048, 1062, 1169, 1215, 1216, 1217, 1364, 1451, 1452, 1557, 1586, 1761, 1762, 1859, 3819, 4025 ->
                    ErrorClass.INTEGRITY;
            case 1264, 1265, 1292, 1366, 1367, 1406, 1411, 1416, 1441, 1690 -> ErrorClass.DATA;
            case 1050, 1051, 1054, 1060, 1061, 1064, 1091, 1110, 1146, 1149, 1166, 1176, 1305, 1327, 1630 ->
                    ErrorClass.PROGRAMMING;
            case 1235 -> ErrorClass.NOT_SUPPORTED;
            case 1040, 1044, 1045, 1049, 1053, 1205, 1213, 1317, 1969, 3024, 2002, 2003, 2006, 2013, 2014, 2045,
                    2055, 4031, 1927 -> ErrorClass.OPERATIONAL;
            default -> ErrorClass.fromSqlState(e.getSQLState(), false);
        };
        return c.create(statement, parameters, e, disconnect);
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    @Override
    public org.retort.types.TypeCompiler typeCompiler() {
        return new MysqlTypeCompiler(this);
    }

    @Override
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new MysqlDdlCompiler(this, true);
    }

    @Override
    public org.retort.inspect.Reflector reflector() {
        return new MysqlReflector(this);
    }

    /** {@return the compiler that renders this database's SQL} */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new MysqlCompiler(this);
    }
}
