package org.retort.dialect.postgresql;

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
 * PostgreSQL's SQL: ILIKE, {@code ~} regular expressions, {@code #} for bitwise xor, {@code DISTINCT ON},
 * {@code ON CONFLICT} upserts, {@code UPDATE ... FROM}, {@code DELETE ... USING}, and data-modifying CTEs.
 */
public class PostgresqlCompiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the PostgreSQL dialect
     */
    public PostgresqlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected boolean supportsIlike() {
        return true;
    }

    @Override
    protected void regexp(BinaryExpression<?> b) {
        infix(b, "~");
    }

    @Override
    protected void bitXor(BinaryExpression<?> b) {
        infix(b, "#");
    }

    @Override
    protected void distinctOn(List<Expression<?>> on) {
        sql("DISTINCT ON (");
        list(on);
        sql(") ");
    }

    @Override
    protected void upsert(Insert i, OnConflict oc) {
        onConflict(i, oc);
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

    /** PostgreSQL takes a sequence's next value with {@code nextval('name')}. */
    @Override
    protected String nextValue(String qualifiedName) {
        return "nextval('" + qualifiedName.replace("'", "''") + "')";
    }
}
