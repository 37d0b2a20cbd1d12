package org.retort.dialect.oracle;

import org.retort.exc.CompileException;
import org.retort.schema.Computed;
import org.retort.schema.DdlCompiler;
import org.retort.schema.Index;

/**
 * Oracle's DDL: IDENTITY columns, virtual generated columns, COMMENT ON; ON UPDATE actions do not exist.
 */
public class OracleDdlCompiler extends DdlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the Oracle dialect
     */
    public OracleDdlCompiler(OracleDialect dialect) {
        super(dialect);
    }

    /** {@code oracle_bitmap}: true for {@code CREATE BITMAP INDEX}. */
    @Override
    protected java.util.Set<String> indexOptionNames() {
        return java.util.Set.of("bitmap");
    }

    @Override
    protected String indexKind(Index ix) {
        return Boolean.TRUE.equals(ownOptions(ix).get("bitmap")) ? "BITMAP " : "";
    }

    @Override
    protected String computed(Computed computed) {
        if (Boolean.TRUE.equals(computed.persisted())) {
            throw new CompileException("Oracle computes generated columns only (VIRTUAL): drop persisted=true from "
                    + "Computed(" + computed.sql() + ")");
        }
        return "GENERATED ALWAYS AS (" + computed.sql() + ")";
    }
}
