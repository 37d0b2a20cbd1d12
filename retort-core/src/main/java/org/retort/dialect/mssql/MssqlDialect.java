package org.retort.dialect.mssql;

import org.retort.dialect.Dialect;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.ReservedWords;
import org.retort.engine.URL;

/**
 * Microsoft SQL Server through {@code com.microsoft.sqlserver:mssql-jdbc}. Retort renders T-SQL and DDL; no
 * server is available to its own test suite, so SQL Server output is checked against exact SQL strings.
 */
public class MssqlDialect extends Dialect {
    /** Creates the SQL Server dialect; engines get theirs from {@link org.retort.dialect.Dialects}. */
    public MssqlDialect() {
    }

    private static final IdentifierPreparer PREPARER = new IdentifierPreparer("[", "]",
            ReservedWords.with("add", "backup", "begin", "break", "browse", "bulk", "cascade", "checkpoint",
                    "clustered", "coalesce", "commit", "compute", "contains", "containstable", "continue", "convert",
                    "database", "dbcc", "deallocate", "declare", "deny", "disk", "distributed", "double", "dump",
                    "errlvl", "escape", "exec", "execute", "exit", "external", "file", "fillfactor", "freetext",
                    "freetexttable", "function", "goto", "holdlock", "identity", "identity_insert", "identitycol",
                    "if", "kill", "lineno", "load", "merge", "national", "nocheck", "nonclustered", "nullif", "off",
                    "offsets", "open", "opendatasource", "openquery", "openrowset", "openxml", "option", "percent",
                    "pivot", "plan", "precision", "print", "proc", "procedure", "public", "raiserror", "read",
                    "readtext", "reconfigure", "replication", "restore", "restrict", "return", "revert", "revoke",
                    "rollback", "rowcount", "rowguidcol", "rule", "save", "schema", "securityaudit",
                    "semantickeyphrasetable", "setuser", "shutdown", "statistics", "system_user", "tablesample",
                    "textsize", "top", "tran", "transaction", "trigger", "truncate", "try_convert", "tsequal",
                    "unpivot", "updatetext", "use", "varying", "view", "waitfor", "while", "writetext"),
            false);

    /**
     * A SQL Server owner may name a database and a schema, {@code mydb.dbo}: each part is quoted on its own
     * ({@code [my db].dbo}); a part already in brackets ({@code [my.db].dbo}) is kept as written, so a dot
     * inside brackets does not split it.
     */
    @Override
    public String quoteSchema(String schema) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i <= schema.length()) {
            int end;
            String part;
            if (i < schema.length() && schema.charAt(i) == '[') {
                int close = schema.indexOf(']', i);
                while (close >= 0 && close + 1 < schema.length() && schema.charAt(close + 1) == ']') {
                    close = schema.indexOf(']', close + 2);
                }
                if (close < 0) {
                    throw new org.retort.exc.ArgumentException("Schema '" + schema + "' opens a [ it never closes;"
                            + " write it as db.owner or [db].[owner]");
                }
                part = schema.substring(i, close + 1);
                end = close + 1;
            } else {
                int dot = schema.indexOf('.', i);
                end = dot < 0 ? schema.length() : dot;
                part = quote(schema.substring(i, end));
            }
            out.append(part);
            if (end >= schema.length()) {
                break;
            }
            if (schema.charAt(end) != '.') {
                throw new org.retort.exc.ArgumentException("Schema '" + schema + "' has text after a ] that is not"
                        + " a dot; write it as db.owner or [db].[owner]");
            }
            out.append('.');
            i = end + 1;
        }
        return out.toString();
    }

    @Override
    public String name() {
        return "mssql";
    }

    @Override
    public String jdbcUrl(URL url) {
        return url.jdbcUrl().orElseGet(() -> "jdbc:sqlserver://" + url.host().orElse("localhost")
                + ":" + url.port().orElse(1433) + url.database().map(d -> ";databaseName=" + d).orElse(""));
    }

    @Override
    public String driverClassName() {
        return "com.microsoft.sqlserver.jdbc.SQLServerDriver";
    }

    @Override
    public String driverCoordinates() {
        return "com.microsoft.sqlserver:mssql-jdbc";
    }

    /** IDENTITY values of an INSERT ... SELECT ... ORDER BY follow the ORDER BY (documented by SQL Server). */
    @Override
    public boolean insertManyValuesOrderedSelect() {
        return true;
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean supportsNativeBoolean() {
        return false;
    }

    @Override
    public boolean supportsNativeUuid() {
        return true;
    }

    @Override
    public int maxIdentifierLength() {
        return 128;
    }

    @Override
    public org.retort.dialect.LiteralStyle literalStyle() {
        return org.retort.dialect.LiteralStyle.MSSQL;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    @Override
    public org.retort.types.TypeCompiler typeCompiler() {
        return new MssqlTypeCompiler(this);
    }

    @Override
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new MssqlDdlCompiler(this);
    }

    /** {@return the compiler that renders this database's SQL} */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new MssqlCompiler(this);
    }
}
