package org.retort.dialect.mysql;

import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.ReservedWords;
import org.retort.engine.IsolationLevel;
import org.retort.engine.URL;

/**
 * MySQL through the MariaDB driver {@code org.mariadb.jdbc:mariadb-java-client}, which speaks to both servers.
 *
 * <p>Identifiers are quoted with backticks. A "schema" is a MySQL database. {@link MariadbDialect} adds what
 * MariaDB has beyond MySQL (RETURNING on INSERT and DELETE since 10.5, sequences since 10.3).
 */
public class MysqlDialect extends Dialect {
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
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }

    @Override
    public IsolationLevel defaultIsolationLevel() {
        return IsolationLevel.REPEATABLE_READ;
    }

    @Override
    public boolean isDisconnect(SQLException e) {
        int code = e.getErrorCode();
        return super.isDisconnect(e) || code == 2006 || code == 2013 || code == 2014 || code == 2045 || code == 2055
                || code == 1927;
    }

    /** @return the compiler that renders this database's SQL */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new MysqlCompiler(this);
    }
}
