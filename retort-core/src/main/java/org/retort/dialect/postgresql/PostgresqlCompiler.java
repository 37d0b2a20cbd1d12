package org.retort.dialect.postgresql;

import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
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
    protected boolean supportsDistinctOn() {
        return true;
    }

    @Override
    protected boolean supportsOnConflict() {
        return true;
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

    /** PostgreSQL takes a sequence's next value with {@code nextval('name')}. */
    @Override
    protected String nextValue(String qualifiedName) {
        return "nextval(" + stringLiteral(qualifiedName) + ")";
    }
}
