package org.retort.dialect.postgresql;

import org.retort.exc.CompileException;
import org.retort.schema.Column;
import org.retort.schema.Computed;
import org.retort.schema.CreateEnumType;
import org.retort.schema.DdlCompiler;
import org.retort.schema.DropEnumType;
import org.retort.schema.Index;
import org.retort.types.BigIntType;
import org.retort.types.SmallIntType;
import org.retort.types.SqlType;

/**
 * PostgreSQL's DDL: {@code SERIAL}/{@code BIGSERIAL} for autoincrement columns, stored generated columns,
 * {@code CREATE TYPE ... AS ENUM}, {@code USING method} and WHERE on indexes, COMMENT ON.
 */
public class PostgresqlDdlCompiler extends DdlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the PostgreSQL dialect
     */
    public PostgresqlDdlCompiler(PostgresqlDialect dialect) {
        super(dialect);
    }

    /** {@code postgresql_using} (index method) and {@code postgresql_include} (covering columns, PostgreSQL 11+). */
    @Override
    protected java.util.Set<String> indexOptionNames() {
        return java.util.Set.of("using", "include");
    }

    @Override
    protected String indexSuffix(Index ix) {
        Object include = ownOptions(ix).get("include");
        return include == null ? "" : includeClause(ix, include);
    }

    @Override
    protected boolean supportsPartialIndexes() {
        return true;
    }

    @Override
    protected String columnType(Column<?> c) {
        if (implicitAutoincrement(c)) {
            SqlType<?> t = effectiveType(c.type());
            return t instanceof BigIntType ? "BIGSERIAL" : t instanceof SmallIntType ? "SMALLSERIAL" : "SERIAL";
        }
        return super.columnType(c);
    }

    @Override
    protected String computed(Computed computed) {
        if (Boolean.FALSE.equals(computed.persisted())) {
            throw new CompileException("PostgreSQL stores generated columns only: drop persisted=false from "
                    + "Computed(" + computed.sql() + ")");
        }
        return "GENERATED ALWAYS AS (" + computed.sql() + ") STORED";
    }

    @Override
    protected String indexMethod(Index ix) {
        Object using = ownOptions(ix).get("using");
        if (using == null) {
            return "";
        }
        String m = using.toString();
        if (!m.matches("[A-Za-z_]+")) {
            throw new CompileException("Index '" + ix.name() + "': '" + m + "' is not an index method");
        }
        return " USING " + m;
    }

    private String typeName(String name, String schema) {
        String written = schema(schema);
        return (written == null ? "" : dialect.quote(written) + ".") + quote(name, false);
    }

    @Override
    protected String createEnumType(CreateEnumType ce) {
        return "CREATE TYPE " + typeName(ce.type().typeName(), ce.schema()) + " AS ENUM ("
                + String.join(", ", ce.type().values().stream().map(this::literal).toList()) + ")";
    }

    @Override
    protected String dropEnumType(DropEnumType de) {
        return "DROP TYPE " + typeName(de.type().typeName(), de.schema());
    }
}
