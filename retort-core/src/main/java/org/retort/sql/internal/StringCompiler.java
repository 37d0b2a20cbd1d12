package org.retort.sql.internal;

import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.Insert;
import org.retort.sql.OnConflict;
import org.retort.sql.Statement;
import org.retort.sql.TableClause;
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
    protected void distinctOn(List<Expression<?>> on) {
        sql("DISTINCT ON (");
        list(on);
        sql(") ");
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
    protected void updateFrom(TableClause table, List<FromClause> extra) {
        sql(" FROM ");
        fromList(extra);
    }

    @Override
    protected void deleteUsing(TableClause table, List<FromClause> extra) {
        sql(" USING ");
        fromList(extra);
    }

    @Override
    protected void dataModifyingCte(Statement statement) {
        dml(statement);
    }
}
