package org.retort.dialect.oracle;

import org.retort.dialect.Dialect;
import org.retort.dialect.IdentifierPreparer;
import org.retort.engine.URL;

/**
 * Oracle Database through {@code com.oracle.database.jdbc:ojdbc11}. Retort renders Oracle SQL and DDL; no
 * server is available to its own test suite, so Oracle output is checked against exact SQL strings.
 */
public class OracleDialect extends Dialect {
    /** Creates the Oracle dialect; engines get theirs from {@link org.retort.dialect.Dialects}. */
    public OracleDialect() {
    }

    /**
     * Oracle's reserved words (the SQL Language Reference's list, as SQLAlchemy's Oracle dialect has it), not
     * the SQL standard's: a quoted lower-case name is case-sensitive on Oracle, so quoting a word Oracle does not
     * reserve ({@code key}, {@code limit}, {@code end}) would make a name plain SQL cannot reach.
     */
    private static final java.util.Set<String> RESERVED = java.util.Set.of(
            "access", "add", "all", "alter", "and", "any", "as", "asc", "audit", "between", "by", "char", "check",
            "cluster", "column", "comment", "compress", "connect", "create", "current", "date", "decimal",
            "default", "delete", "desc", "distinct", "drop", "else", "exclusive", "exists", "file", "float", "for",
            "from", "grant", "group", "having", "identified", "immediate", "in", "increment", "index", "initial",
            "insert", "integer", "intersect", "into", "is", "level", "like", "lock", "long", "maxextents", "minus",
            "mlslabel", "mode", "modify", "noaudit", "nocompress", "not", "nowait", "null", "number", "of",
            "offline", "on", "online", "option", "or", "order", "pctfree", "prior", "privileges", "public", "raw",
            "rename", "resource", "revoke", "row", "rowid", "rownum", "rows", "select", "session", "set", "share",
            "size", "smallint", "start", "successful", "synonym", "sysdate", "table", "then", "to", "trigger",
            "uid", "union", "unique", "update", "user", "validate", "values", "varchar", "varchar2", "view",
            "whenever", "where", "with");
    private static final IdentifierPreparer PREPARER = new IdentifierPreparer("\"", "\"", RESERVED, true);

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String jdbcUrl(URL url) {
        return url.jdbcUrl().orElseGet(() -> "jdbc:oracle:thin:@//" + url.host().orElse("localhost")
                + ":" + url.port().orElse(1521) + "/" + url.database().orElse(""));
    }

    @Override
    public String driverClassName() {
        return "oracle.jdbc.OracleDriver";
    }

    @Override
    public String driverCoordinates() {
        return "com.oracle.database.jdbc:ojdbc11";
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean supportsNativeBoolean() {
        return serverVersion().atLeast(23, 0);
    }

    @Override
    public boolean supportsMultiValuesInsert() {
        return false;
    }

    /**
     * Oracle's DML returning fills OUT parameters, which plain JDBC reaches through an anonymous PL/SQL block on a
     * {@link java.sql.CallableStatement}: {@code BEGIN <statement>; ? := SQL%ROWCOUNT; END;}. The last OUT
     * parameter tells whether a row was changed, so an UPDATE or DELETE that matched nothing returns no row.
     */
    @Override
    public String returningIntoCall(String sql) {
        return "BEGIN " + sql + "; ? := SQL%ROWCOUNT; END;";
    }

    @Override
    public int maxIdentifierLength() {
        return 128;
    }

    @Override
    public org.retort.dialect.LiteralStyle literalStyle() {
        return org.retort.dialect.LiteralStyle.ORACLE;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }

    /** Oracle offers READ COMMITTED and SERIALIZABLE (and AUTOCOMMIT), as SQLAlchemy says. */
    @Override
    public java.util.Set<org.retort.engine.IsolationLevel> supportedIsolationLevels() {
        return java.util.EnumSet.of(org.retort.engine.IsolationLevel.READ_COMMITTED,
                org.retort.engine.IsolationLevel.SERIALIZABLE, org.retort.engine.IsolationLevel.AUTOCOMMIT);
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    @Override
    public org.retort.types.TypeCompiler typeCompiler() {
        return new OracleTypeCompiler(this);
    }

    @Override
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new OracleDdlCompiler(this);
    }

    /** Oracle needs a FROM clause in every SELECT, so the empty set selects from DUAL. */
    @Override
    public String emptySetExpression() {
        return "SELECT 1 FROM DUAL WHERE 1!=1";
    }

    /** {@return the compiler that renders this database's SQL} */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new OracleCompiler(this);
    }
}
