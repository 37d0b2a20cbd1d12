package org.retort.dialect.h2;

import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.BindParameter;
import org.retort.sql.Expression;
import org.retort.sql.ForUpdate;
import org.retort.sql.Operator;
import org.retort.sql.SelectBase;
import org.retort.sql.UnaryExpression;
import org.retort.sql.compiler.SqlCompiler;

/**
 * H2's SQL: ILIKE, {@code REGEXP_LIKE}, standard {@code OFFSET ... FETCH FIRST}, bitwise operations as
 * {@code BITAND}/{@code BITOR}/... functions, {@code FOR UPDATE} without OF or FOR SHARE; no FULL OUTER JOIN.
 */
public class H2Compiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the H2 dialect
     */
    public H2Compiler(Dialect dialect) {
        super(dialect);
    }

    /** H2 has {@code FETCH FIRST ? PERCENT ROWS}. */
    @Override
    protected boolean supportsFetchPercent() {
        return true;
    }

    /** H2 has array element access, {@code a[i]}. */
    @Override
    protected boolean supportsArrayIndex() {
        return true;
    }

    /** H2 has no JSON path functions. */
    @Override
    protected void jsonElement(org.retort.sql.JsonElement<?> j) {
        throw unsupported("JSON element access (H2 has no JSON path functions)");
    }

    /** MERGE statements run here. */
    @Override
    protected boolean supportsMerge() {
        return true;
    }

    /** The portable upsert is a MERGE statement here. */
    @Override
    protected boolean upsertAsMerge() {
        return true;
    }

    /** H2 types a parameter after the other operand of arithmetic; a mixed-kind number is cast to its own type. */
    @Override
    protected boolean castsMixedNumericBinds() {
        return true;
    }

    @Override
    protected boolean supportsIlike() {
        return true;
    }

    @Override
    protected void regexp(BinaryExpression<?> b) {
        call("REGEXP_LIKE", b.left(), b.right());
    }

    @Override
    protected void bitwise(BinaryExpression<?> b) {
        Operator op = b.operator();
        String fn = op.equals(Operator.BIT_AND) ? "BITAND" : op.equals(Operator.BIT_OR) ? "BITOR"
                : op.equals(Operator.BIT_LSHIFT) ? "LSHIFT" : "RSHIFT";
        bitFunction(fn, b);
    }

    @Override
    protected void bitXor(BinaryExpression<?> b) {
        bitFunction("BITXOR", b);
    }

    /** H2 cannot infer the type of a bare parameter in its bit functions, so parameters are cast to BIGINT. */
    private void bitFunction(String fn, BinaryExpression<?> b) {
        sql(fn + "(");
        typedArgument(b.left());
        sql(", ");
        typedArgument(b.right());
        sql(")");
    }

    private void typedArgument(Expression<?> e) {
        if (e instanceof BindParameter<?> && !literalBinds) {
            sql("CAST(");
            expression(e);
            sql(" AS BIGINT)");
        } else {
            expression(e);
        }
    }

    @Override
    protected void bitNot(UnaryExpression<?> u) {
        sql("BITNOT(");
        expression(u.operand());
        sql(")");
    }

    @Override
    protected boolean nowIsCurrentTimestamp() {
        return true;
    }

    @Override
    protected String fullOuterJoin() {
        throw unsupported("FULL OUTER JOIN");
    }

    @Override
    protected void limitClause(Expression<?> limit, Expression<?> offset, boolean ordered, SelectBase query) {
        offsetFetch(limit, offset);
    }

    @Override
    protected void forUpdateClause(ForUpdate f) {
        if (f.isRead()) {
            throw unsupported("FOR SHARE");
        }
        if (!f.of().isEmpty()) {
            throw unsupported("FOR UPDATE OF");
        }
        super.forUpdateClause(f);
    }
}
