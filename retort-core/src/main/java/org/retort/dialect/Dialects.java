package org.retort.dialect;

import java.util.ServiceLoader;
import org.retort.dialect.h2.H2Dialect;
import org.retort.dialect.mssql.MssqlDialect;
import org.retort.dialect.mysql.MariadbDialect;
import org.retort.dialect.mysql.MysqlDialect;
import org.retort.dialect.oracle.OracleDialect;
import org.retort.dialect.postgresql.PostgresqlDialect;
import org.retort.dialect.sqlite.SqliteDialect;
import org.retort.engine.URL;
import org.retort.exc.ArgumentException;

/**
 * Finds the dialect for a URL: the built-in ones by name, others through {@link DialectProvider} services.
 */
public final class Dialects {
    private Dialects() {
    }

    /**
     * Creates a fresh dialect for a URL's backend.
     *
     * @param url the URL
     * @return a new dialect instance
     * @throws ArgumentException when no dialect is known for the backend
     */
    public static Dialect forUrl(URL url) {
        return forName(url.backend());
    }

    /**
     * Creates a fresh dialect by name.
     *
     * @param name sqlite, h2, postgresql (or postgres), mysql, mariadb, oracle, mssql (or sqlserver)
     * @return a new dialect instance
     * @throws ArgumentException when no dialect has that name
     */
    public static Dialect forName(String name) {
        switch (name) {
            case "sqlite":
                return new SqliteDialect();
            case "h2":
                return new H2Dialect();
            case "postgresql", "postgres", "pgsql":
                return new PostgresqlDialect();
            case "mysql":
                return new MysqlDialect();
            case "mariadb":
                return new MariadbDialect();
            case "oracle":
                return new OracleDialect();
            case "mssql", "sqlserver":
                return new MssqlDialect();
            default:
                for (DialectProvider p : ServiceLoader.load(DialectProvider.class)) {
                    Dialect d = p.create(name);
                    if (d != null) {
                        return d;
                    }
                }
                throw new ArgumentException("No dialect named '" + name + "': use one of sqlite, h2, postgresql, "
                        + "mysql, mariadb, oracle, mssql, or register a " + DialectProvider.class.getName() + " service");
        }
    }
}
