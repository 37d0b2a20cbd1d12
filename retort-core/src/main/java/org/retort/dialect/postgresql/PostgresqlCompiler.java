package org.retort.dialect.postgresql;

import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.FunctionCall;
import org.retort.types.DoubleType;
import org.retort.types.FloatType;
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

    /**
     * PostgreSQL rounds to a number of places only NUMERIC values: {@code round(double, int)} does not exist, so
     * a floating-point value is cast first, {@code round(CAST(x AS NUMERIC), 2)}.
     */
    @Override
    protected boolean specialFunction(FunctionCall<?> f) {
        if (f.name().equalsIgnoreCase("round") && f.arguments().size() == 2
                && (f.arguments().get(0).type() instanceof DoubleType || f.arguments().get(0).type() instanceof FloatType)) {
            sql(f.name() + "(CAST(");
            expression(f.arguments().get(0));
            sql(" AS NUMERIC), ");
            expression(f.arguments().get(1));
            sql(")");
            return true;
        }
        return false;
    }

    @Override
    protected boolean supportsPostgresqlOperators() {
        return true;
    }

    @Override
    protected boolean supportsArrayIndex() {
        return true;
    }

    /**
     * JSON elements with PostgreSQL's operators: {@code doc -> ?} / {@code doc ->> ?} for one key or index,
     * {@code doc #> CAST(ARRAY[?, ?] AS TEXT[])} / {@code #>>} for a path.
     */
    @Override
    protected void jsonElement(org.retort.sql.JsonElement<?> j) {
        operand(j.document(), precedence(j.document()) < 100);
        if (j.keys().size() == 1) {
            sql(j.asText() ? " ->> " : " -> ");
            expression(j.keys().get(0));
            return;
        }
        sql(j.asText() ? " #>> CAST(ARRAY[" : " #> CAST(ARRAY[");
        String sep = "";
        for (org.retort.sql.Expression<?> k : j.keys()) {
            sql(sep);
            if (k.type().javaType() == Integer.class) {
                sql("CAST(");
                expression(k);
                sql(" AS TEXT)");
            } else {
                expression(k);
            }
            sep = ", ";
        }
        sql("] AS TEXT[])");
    }

    @Override
    protected boolean supportsOnConflictOnConstraint() {
        return true;
    }

    @Override
    protected boolean supportsWithinGroupOver() {
        return false;
    }

    @Override
    protected boolean supportsKeyShareLocks() {
        return true;
    }

    @Override
    protected void tableSample(org.retort.sql.TableSample t) {
        standardTableSample(t);
    }

    /** PostgreSQL has MERGE since 15. */
    @Override
    protected boolean supportsMerge() {
        return true;
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
