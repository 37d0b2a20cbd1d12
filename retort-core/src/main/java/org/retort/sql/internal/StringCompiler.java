package org.retort.sql.internal;

import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.Insert;
import org.retort.sql.OnConflict;
import org.retort.sql.compiler.SqlCompiler;

/**
 * The compiler behind {@code toString()}: renders every construct in a readable standard-like form, including
 * those only some databases have, so printing a statement never fails (SQLAlchemy's {@code StrSQLCompiler}).
 */
final class StringCompiler extends SqlCompiler {

    StringCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected boolean supportsIlike() {
        return true;
    }

    @Override
    protected void regexp(BinaryExpression<?> b) {
        infix(b, "<regexp>");
    }

    @Override
    protected void tableSample(org.retort.sql.TableSample t) {
        standardTableSample(t);
    }

    @Override
    protected boolean supportsMerge() {
        return true;
    }

    @Override
    protected boolean supportsPostgresqlOperators() {
        return true;
    }

    @Override
    protected boolean supportsArrayIndex() {
        return true;
    }

    @Override
    protected boolean supportsDistinctOn() {
        return true;
    }

    @Override
    protected void upsert(Insert i, OnConflict oc) {
        if (oc.kind() == OnConflict.Kind.DUPLICATE_KEY_UPDATE) {
            sql(" ON DUPLICATE KEY UPDATE ");
            assignments(i.table(), oc.set(), " = ", false);
        } else {
            onConflict(i, oc);
        }
    }

    @Override
    protected boolean supportsUpdateFrom() {
        return true;
    }

    @Override
    protected boolean supportsDeleteUsing() {
        return true;
    }

    @Override
    protected boolean supportsDataModifyingCte() {
        return true;
    }
}
