package org.retort.dialect.mssql;

import org.retort.schema.Column;
import org.retort.schema.DdlCompiler;
import org.retort.exc.CompileException;
import org.retort.schema.Index;
import org.retort.schema.DropIndex;
import org.retort.schema.Identity;

/**
 * SQL Server's DDL: {@code IDENTITY(start,step)}, computed columns as {@code AS (expr) [PERSISTED]}, no
 * DEFERRABLE, {@code DROP INDEX name ON t}; comments (extended properties) are left out.
 */
public class MssqlDdlCompiler extends DdlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the SQL Server dialect
     */
    public MssqlDdlCompiler(MssqlDialect dialect) {
        super(dialect);
    }

    /** {@code mssql_clustered} (true: CLUSTERED, false: NONCLUSTERED) and {@code mssql_include}. */
    @Override
    protected java.util.Set<String> indexOptionNames() {
        return java.util.Set.of("clustered", "include");
    }

    @Override
    protected String indexKind(Index ix) {
        Object clustered = ownOptions(ix).get("clustered");
        if (clustered == null) {
            return "";
        }
        if (!(clustered instanceof Boolean b)) {
            throw new CompileException("Index '" + ix.name() + "': mssql_clustered takes true or false, got " + clustered);
        }
        return b ? "CLUSTERED " : "NONCLUSTERED ";
    }

    @Override
    protected String indexSuffix(Index ix) {
        Object include = ownOptions(ix).get("include");
        return include == null ? "" : includeClause(ix, include);
    }

    @Override
    public CommentStyle commentStyle() {
        return CommentStyle.NONE;
    }

    @Override
    protected boolean supportsDeferrable() {
        return false;
    }

    @Override
    protected boolean supportsPartialIndexes() {
        return true;
    }

    @Override
    protected String columnSpec(Column<?> c) {
        if (c.computed() != null) {
            return quote(c.name(), false) + " AS (" + c.computed().sql() + ")"
                    + (Boolean.TRUE.equals(c.computed().persisted()) ? " PERSISTED" : "");
        }
        return super.columnSpec(c);
    }

    @Override
    protected String identity(Column<?> c) {
        return null;
    }

    @Override
    protected String afterNotNull(Column<?> c) {
        Identity i = c.identity();
        if (i != null && i.hasSequenceOptions()) {
            throw new CompileException("Column '" + c + "': SQL Server's IDENTITY takes a start and an increment only; "
                    + "drop the range, CYCLE and CACHE options, or use a Sequence");
        }
        if (i != null) {
            return " IDENTITY(" + (i.start() == null ? 1 : i.start()) + "," + (i.increment() == null ? 1 : i.increment())
                    + ")";
        }
        return implicitAutoincrement(c) ? " IDENTITY" : "";
    }

    @Override
    protected String dropIndex(DropIndex di) {
        return "DROP INDEX " + (di.ifExists() ? "IF EXISTS " : "") + quote(di.index().name(), di.index().isNameGenerated())
                + " ON " + tableName(di.index().table());
    }
}
