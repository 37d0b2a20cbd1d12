package org.retort.dialect.mssql;

import org.retort.schema.Column;
import org.retort.schema.DdlCompiler;
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
