package org.retort.dialect.sqlite;

import org.retort.schema.Column;
import org.retort.schema.DdlCompiler;

/**
 * SQLite's DDL: no comments, no ALTER TABLE ADD CONSTRAINT (foreign keys always inline, which SQLite accepts
 * in any order), partial and expression indexes, no IDENTITY (an INTEGER primary key is the rowid).
 */
public class SqliteDdlCompiler extends DdlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the SQLite dialect
     */
    public SqliteDdlCompiler(SqliteDialect dialect) {
        super(dialect);
    }

    @Override
    public CommentStyle commentStyle() {
        return CommentStyle.NONE;
    }

    @Override
    public boolean supportsAlterAddConstraint() {
        return false;
    }

    @Override
    protected boolean supportsPartialIndexes() {
        return true;
    }

    /** SQLite has no IDENTITY clause; an INTEGER primary key already takes the next rowid. */
    @Override
    protected String identity(Column<?> c) {
        if (c.identity() != null && c.identity().hasSequenceOptions()) {
            throw new org.retort.exc.CompileException("Column '" + c + "': SQLite's rowid has no range, CYCLE or CACHE; "
                    + "declare the identity without them");
        }
        return null;
    }
}
