package org.retort.dialect.postgresql;

import java.sql.SQLException;
import org.retort.dialect.Dialect;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.ReservedWords;
import org.retort.engine.URL;

/**
 * PostgreSQL through {@code org.postgresql:postgresql} (pgJDBC).
 *
 * <p>URL options go to the driver as connection properties, so {@code ?currentSchema=app&sslmode=disable}
 * works as it does in a JDBC URL. Batched inserts are rewritten into multi-row VALUES by the driver
 * ({@code reWriteBatchedInserts=true}) unless the URL says otherwise.
 */
public class PostgresqlDialect extends Dialect {
    /** Creates the PostgreSQL dialect; engines get theirs from {@link org.retort.dialect.Dialects}. */
    public PostgresqlDialect() {
    }

    private static final IdentifierPreparer PREPARER = new IdentifierPreparer("\"", "\"",
            ReservedWords.with("analyse", "analyze", "concurrently", "current_catalog", "current_schema", "freeze",
                    "ilike", "isnull", "notnull", "overlaps", "placing", "similar", "tablesample", "variadic",
                    "verbose"),
            false);

    /**
     * PostgreSQL compares the two sides of IN by type, so an empty list gets a NULL of the list's type:
     * {@code x NOT IN (SELECT CAST(NULL AS VARCHAR) WHERE 1!=1)}.
     */
    @Override
    public String emptySetExpression(org.retort.types.SqlType<?> type) {
        if (type == null || type instanceof org.retort.types.NullType) {
            return emptySetExpression();
        }
        return "SELECT CAST(NULL AS " + typeCompiler().castTarget(type) + ") WHERE 1!=1";
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String jdbcUrl(URL url) {
        return url.jdbcUrl().orElseGet(() -> "jdbc:postgresql://" + url.host().orElse("localhost")
                + url.port().map(p -> ":" + p).orElse("") + "/" + url.database().orElse(""));
    }

    @Override
    public java.util.Properties connectProperties(URL url) {
        java.util.Properties props = super.connectProperties(url);
        props.putIfAbsent("reWriteBatchedInserts", "true");
        return props;
    }

    @Override
    public String driverClassName() {
        return "org.postgresql.Driver";
    }

    @Override
    public String driverCoordinates() {
        return "org.postgresql:postgresql";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    /** SERIAL and IDENTITY values of an INSERT ... SELECT ... ORDER BY follow the ORDER BY. */
    @Override
    public boolean insertManyValuesOrderedSelect() {
        return true;
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean supportsNativeUuid() {
        return true;
    }

    @Override
    public boolean supportsNativeEnum() {
        return true;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public org.retort.dialect.LiteralStyle literalStyle() {
        return org.retort.dialect.LiteralStyle.POSTGRESQL;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }

    @Override
    public boolean isDisconnect(SQLException e) {
        String state = e.getSQLState();
        return super.isDisconnect(e) || "57P01".equals(state) || "57P02".equals(state) || "57P03".equals(state);
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    @Override
    public org.retort.types.TypeCompiler typeCompiler() {
        return new PostgresqlTypeCompiler(this);
    }

    @Override
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new PostgresqlDdlCompiler(this);
    }

    @Override
    public org.retort.inspect.Reflector reflector() {
        return new PostgresqlReflector(this);
    }

    /** {@return the compiler that renders this database's SQL} */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new PostgresqlCompiler(this);
    }
}
