package org.retort.dialect.oracle;

import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.CompoundSelect;
import org.retort.sql.Expression;
import org.retort.sql.ForUpdate;
import org.retort.sql.Operator;
import org.retort.sql.Select;
import org.retort.sql.SelectBase;
import org.retort.sql.SelectColumns;
import org.retort.sql.TableClause;
import org.retort.sql.Values;
import org.retort.sql.compiler.SqlCompiler;

/**
 * Oracle's SQL (12c and later): {@code FROM DUAL}, table aliases without AS, {@code OFFSET ... FETCH FIRST}
 * paging, {@code MINUS}, {@code REGEXP_LIKE}, {@code BITAND}, {@code DECODE} for NULL-safe comparison, and
 * {@code WITH} without RECURSIVE, and DML returning as {@code RETURNING col, ... INTO ?, ...} with OUT parameters.
 * The portable upsert is a MERGE.
 */
public class OracleCompiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the Oracle dialect
     */
    public OracleCompiler(Dialect dialect) {
        super(dialect);
    }

    /** Oracle samples rows with {@code SAMPLE (?)}, pages with {@code SAMPLE BLOCK (?)}, seeded by {@code SEED (?)}. */
    @Override
    protected void tableSample(org.retort.sql.TableSample t) {
        sql(tableName(t.table()));
        sql(t.method() == org.retort.sql.TableSample.Method.SYSTEM ? " SAMPLE BLOCK (" : " SAMPLE (");
        expression(t.percentage());
        sql(")");
        if (t.seed() != null) {
            sql(" SEED (");
            expression(t.seed());
            sql(")");
        }
        if (t.name() != null) {
            sql(" " + quote(t.name()));
        }
    }

    /** Before its BOOLEAN type (23ai), Oracle takes no condition as a value: it becomes a CASE. */
    @Override
    protected boolean conditionsAreValues() {
        return dialect.supportsNativeBoolean();
    }

    /**
     * Oracle returns the values of the row a single-row INSERT, or an UPDATE or DELETE, changed into OUT
     * parameters; INSERT ... SELECT cannot return (the database refuses RETURNING there).
     */
    @Override
    protected boolean supportsReturning(org.retort.sql.Statement statement) {
        if (statement instanceof org.retort.sql.Insert i && i.fromSelectQuery() != null) {
            return false;
        }
        return true;
    }

    /**
     * {@code RETURNING expr, ... INTO ?, ...}: one OUT parameter per returned expression, named {@code ret_0},
     * {@code ret_1}, ... as SQLAlchemy names them, typed as the expression so the engine can register and read it.
     * The returned expressions carry no labels (Oracle takes none there); the result's column names are the
     * statement's as on every other database.
     */
    @Override
    protected void returning(org.retort.sql.Statement s) {
        java.util.List<Expression<?>> cols = s.returningColumns();
        if (cols.isEmpty()) {
            return;
        }
        if (literalBinds) {
            throw new org.retort.exc.CompileException("RETURNING ... INTO needs OUT parameters, which a statement "
                    + "rendered with literal values has none of; compile it without literal binds");
        }
        sql(" RETURNING ");
        String sep = "";
        for (Expression<?> e : cols) {
            sql(sep);
            valueExpression(e instanceof org.retort.sql.Label<?> l ? l.element() : e);
            sep = ", ";
        }
        sql(" INTO ");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sql(", ");
            }
            if (namedPlaceholders) {
                sql(":ret_" + i);
            } else {
                out.slot(org.retort.sql.BindSlot.outParameter("ret_" + i, cols.get(i).type()));
            }
        }
    }

    /** MERGE statements run here. */
    @Override
    protected boolean supportsMerge() {
        return true;
    }

    /** Oracle's MERGE has no {@code AND condition} on WHEN and no {@code THEN DELETE} of its own. */
    @Override
    protected boolean supportsMergeConditions() {
        return false;
    }

    /** The portable upsert is a MERGE statement here. */
    @Override
    protected boolean upsertAsMerge() {
        return true;
    }

    /** Oracle cannot update a column its MERGE compares in ON (ORA-38104). */
    @Override
    protected boolean mergeCanUpdateKeys() {
        return false;
    }

    @Override
    protected String aliasKeyword() {
        return " ";
    }

    @Override
    protected String emptyFrom(Select s) {
        return " FROM DUAL";
    }

    @Override
    protected String recursiveWith() {
        return "WITH ";
    }

    @Override
    protected String compoundKeyword(CompoundSelect.Kind kind) {
        return switch (kind) {
            case EXCEPT -> "MINUS";
            case EXCEPT_ALL, INTERSECT_ALL -> throw unsupported(kind.sql());
            default -> kind.sql();
        };
    }

    /** Oracle counts characters with {@code LENGTH}. */
    @Override
    protected String functionName(String lowerName) {
        return lowerName.equals("char_length") || lowerName.equals("character_length") ? "LENGTH" : null;
    }

    /** Oracle reads a function's rows through {@code TABLE(fn(...))}. */
    @Override
    protected void tableFunctionCall(org.retort.sql.FunctionCall<?> f) {
        sql("TABLE(");
        expression(f);
        sql(")");
    }

    /** Oracle has no column list after a table alias. */
    @Override
    protected void derivedColumns(org.retort.sql.TableValued t) {
        throw unsupported("Column names after a table function's alias (renderDerived())");
    }

    /** Oracle's {@code /} divides exactly. */
    @Override
    protected boolean divIsFloorDiv() {
        return false;
    }

    /** Oracle has no {@code %} operator: {@code MOD(a, b)}. */
    @Override
    protected void modulo(BinaryExpression<?> b) {
        call("MOD", b.left(), b.right());
    }

    @Override
    protected void regexp(BinaryExpression<?> b) {
        call("REGEXP_LIKE", b.left(), b.right());
    }

    @Override
    protected void distinctFrom(BinaryExpression<?> b, boolean not) {
        // DECODE treats two NULLs as equal: DECODE(a, b, 0, 1) is 1 exactly when a IS DISTINCT FROM b
        sql("DECODE(");
        expression(b.left());
        sql(", ");
        expression(b.right());
        sql(not ? ", 0, 1) = 0" : ", 0, 1) = 1");
    }

    @Override
    protected void bitwise(BinaryExpression<?> b) {
        if (b.operator().equals(Operator.BIT_AND)) {
            call("BITAND", b.left(), b.right());
            return;
        }
        throw unsupported("The bitwise operator " + b.operator().sql());
    }

    @Override
    protected void bitXor(BinaryExpression<?> b) {
        throw unsupported("Bitwise exclusive or");
    }

    @Override
    protected boolean supportsAggregateFilter() {
        return false;
    }

    @Override
    protected boolean nowIsCurrentTimestamp() {
        return true;
    }

    /** The query being written inside a ROWNUM emulation, which then has no paging of its own; or null. */
    private Select rownumInner;

    /**
     * Whether paging is emulated with ROWNUM: Oracle before 12c has no {@code OFFSET ... FETCH}. Known only when
     * the server version is (an engine's dialect after connecting, or {@code assumeServerVersion}).
     *
     * @return true for a known Oracle 11 or older
     */
    protected boolean pagesWithRownum() {
        return dialect.isInitialized() && dialect.serverVersion().major() > 0 && dialect.serverVersion().major() < 12;
    }

    @Override
    protected boolean supportsFetchPercent() {
        return !pagesWithRownum();
    }

    @Override
    protected boolean supportsFetchWithTies() {
        return !pagesWithRownum();
    }

    /**
     * Before Oracle 12c, a limit and offset wrap the query (SQLAlchemy's ROWNUM emulation):
     * {@code SELECT cols FROM (SELECT anon_rn.*, ROWNUM AS ora_rn FROM (query) anon_rn WHERE ROWNUM <= ? + ?)
     * WHERE ora_rn > ?}, or {@code SELECT cols FROM (query) WHERE ROWNUM <= ?} without an offset.
     */
    @Override
    protected void select(Select s) {
        if (s == rownumInner || !pagesWithRownum() || (s.limitClause() == null && s.offsetClause() == null)) {
            super.select(s);
            return;
        }
        if (s.forUpdateClause() != null) {
            throw unsupported("FOR UPDATE with a row limit before Oracle 12c");
        }
        String cols = String.join(", ", SelectColumns.labels(s.selectedColumns()).stream().map(this::quote).toList());
        Expression<?> limit = s.limitClause();
        Expression<?> offset = s.offsetClause();
        sql("SELECT " + cols + " FROM (");
        if (offset != null) {
            sql("SELECT anon_rn.*, ROWNUM AS ora_rn FROM (");
        }
        Select saved = rownumInner;
        rownumInner = s;
        try {
            super.select(s);
        } finally {
            rownumInner = saved;
        }
        if (offset == null) {
            sql(") WHERE ROWNUM <= ");
            expression(limit);
            return;
        }
        sql(") anon_rn");
        if (limit != null) {
            sql(" WHERE ROWNUM <= ");
            expression(limit);
            sql(" + ");
            expression(offset);
        }
        sql(") WHERE ora_rn > ");
        expression(offset);
    }

    @Override
    protected void limitClause(Expression<?> limit, Expression<?> offset, boolean ordered, SelectBase query) {
        if (query == rownumInner) {
            return;
        }
        if (pagesWithRownum() && (limit != null || offset != null)) {
            throw unsupported("LIMIT/OFFSET on a set operation before Oracle 12c (select from it as a subquery)");
        }
        offsetFetch(limit, offset);
    }

    @Override
    protected void forUpdateClause(ForUpdate f) {
        if (f.isRead()) {
            throw unsupported("FOR SHARE");
        }
        super.forUpdateClause(f);
    }

    /**
     * Oracle's {@code FOR UPDATE OF} names columns, one of each locked table: a column as given, a table or alias
     * by its first column.
     */
    @Override
    protected void forUpdateOf(ForUpdate f) {
        if (f.of().isEmpty()) {
            return;
        }
        sql(" OF ");
        String sep = "";
        for (Object o : f.of()) {
            sql(sep);
            if (o instanceof Expression<?> e) {
                expression(e);
            } else if (o instanceof org.retort.sql.FromClause from) {
                if (from.columns().isEmpty()) {
                    throw new org.retort.exc.CompileException("FOR UPDATE OF " + from + " on Oracle needs a column"
                            + " of it; pass a column instead of a table without known columns");
                }
                expression(from.columns().get(0));
            } else {
                throw new org.retort.exc.CompileException("FOR UPDATE OF takes tables, aliases or their columns, got "
                        + o);
            }
            sep = ", ";
        }
    }

    @Override
    protected void valuesFrom(Values v) {
        valuesAsUnion(v, " FROM DUAL");
    }

    @Override
    protected void defaultValues(TableClause table) {
        if (table.columns().isEmpty()) {
            throw unsupported("INSERT of a row of defaults into a table with no known columns");
        }
        sql(" (" + quote(table.columns().get(0).name()) + ") VALUES (DEFAULT)");
    }

    /** Oracle takes a sequence's next value with {@code name.nextval}. */
    @Override
    protected String nextValue(String qualifiedName) {
        return qualifiedName + ".nextval";
    }
}
