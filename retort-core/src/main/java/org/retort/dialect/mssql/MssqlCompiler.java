package org.retort.dialect.mssql;

import java.util.List;
import java.util.Locale;
import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.CompoundSelect;
import org.retort.sql.Expression;
import org.retort.sql.Extract;
import org.retort.sql.ForUpdate;
import org.retort.sql.FromClause;
import org.retort.sql.FunctionCall;
import org.retort.sql.Operator;
import org.retort.sql.Select;
import org.retort.sql.SelectBase;
import org.retort.sql.Statement;
import org.retort.sql.TableClause;
import org.retort.sql.compiler.SqlCompiler;

/**
 * SQL Server's SQL: bracket quoting, {@code +} concatenation, {@code TOP (?)} and
 * {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY} (with {@code ORDER BY (SELECT NULL)} when there is no ORDER BY; before
 * SQL Server 2012 an offset pages with {@code ROW_NUMBER() OVER (ORDER BY ...)} in a subquery),
 * {@code OUTPUT inserted.x} for RETURNING, {@code LEN()}, NULLS FIRST/LAST emulated, NULL-safe comparison with
 * {@code EXISTS (SELECT a INTERSECT SELECT b)}, {@code UPDATE/DELETE ... FROM}, and {@code WITH} without RECURSIVE.
 * No row-locking clause (SQL Server uses table hints), no regular expressions, no upserts here (MERGE).
 */
public class MssqlCompiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the SQL Server dialect
     */
    public MssqlCompiler(Dialect dialect) {
        super(dialect);
    }

    /** MERGE statements run here. */
    @Override
    protected boolean supportsMerge() {
        return true;
    }

    /** SQL Server samples pages: {@code t AS a TABLESAMPLE (? PERCENT) [REPEATABLE (?)]}; row sampling is refused. */
    @Override
    protected void tableSample(org.retort.sql.TableSample t) {
        if (t.method() == org.retort.sql.TableSample.Method.BERNOULLI) {
            throw unsupported("TABLESAMPLE BERNOULLI (SQL Server samples whole pages: use SYSTEM)");
        }
        sql(tableName(t.table()));
        if (t.name() != null) {
            sql(aliasKeyword() + quote(t.name()));
        }
        sql(" TABLESAMPLE (");
        expression(t.percentage());
        sql(" PERCENT)");
        if (t.seed() != null) {
            sql(" REPEATABLE (");
            expression(t.seed());
            sql(")");
        }
    }

    /** SQL Server has no boolean values: a condition in a SELECT list or ORDER BY becomes a CASE. */
    @Override
    protected boolean conditionsAreValues() {
        return false;
    }

    /** The portable upsert is a MERGE statement here. */
    @Override
    protected boolean upsertAsMerge() {
        return true;
    }

    /** SQL Server ends a MERGE with a semicolon. */
    @Override
    protected String mergeTerminator() {
        return ";";
    }

    /** No GROUPS window frames here. */
    @Override
    protected boolean supportsGroupsFrame() {
        return false;
    }

    @Override
    protected boolean supportsReturning(Statement statement) {
        return true;
    }

    @Override
    protected boolean returningAsOutput() {
        return true;
    }

    @Override
    public int maxBindParameters() {
        return 2000;
    }

    @Override
    protected String recursiveWith() {
        return "WITH ";
    }

    @Override
    protected String compoundKeyword(CompoundSelect.Kind kind) {
        return switch (kind) {
            case EXCEPT_ALL, INTERSECT_ALL -> throw unsupported(kind.sql());
            default -> kind.sql();
        };
    }

    @Override
    protected void concat(BinaryExpression<?> b) {
        infix(b, "+");
    }

    @Override
    protected void distinctFrom(BinaryExpression<?> b, boolean not) {
        sql(not ? "EXISTS (SELECT " : "NOT EXISTS (SELECT ");
        expression(b.left());
        sql(" INTERSECT SELECT ");
        expression(b.right());
        sql(")");
    }

    @Override
    protected void bitwise(BinaryExpression<?> b) {
        if (b.operator().equals(Operator.BIT_LSHIFT) || b.operator().equals(Operator.BIT_RSHIFT)) {
            throw unsupported("The bit shift operator " + b.operator().sql());
        }
        super.bitwise(b);
    }

    @Override
    protected boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    protected boolean supportsAggregateFilter() {
        return false;
    }

    @Override
    protected boolean specialFunction(FunctionCall<?> f) {
        String name = f.name().toLowerCase(Locale.ROOT);
        if (f.arguments().isEmpty() && name.equals("now")) {
            sql("CURRENT_TIMESTAMP");
            return true;
        }
        if (name.equals("substr") && f.arguments().size() == 2) {
            sql("SUBSTRING(");
            list(f.arguments());
            sql(", 2147483647)");
            return true;
        }
        if (name.equals("round") && f.arguments().size() == 1) {
            sql("ROUND(");
            list(f.arguments());
            sql(", 0)");
            return true;
        }
        return false;
    }

    /**
     * SQL Server's names: {@code LEN} for {@code length}/{@code char_length}, {@code SUBSTRING} for
     * {@code substr} (which then needs a length: given two arguments, the rest of the string is taken).
     */
    @Override
    protected String functionName(String lowerName) {
        return switch (lowerName) {
            case "length", "char_length", "character_length" -> "LEN";
            case "substr" -> "SUBSTRING";
            default -> null;
        };
    }

    /** SQL Server has no EXTRACT: {@code DATEPART(field, x)}. */
    @Override
    protected void extract(Extract x) {
        sql("DATEPART(" + x.field() + ", ");
        expression(x.expression());
        sql(")");
    }

    @Override
    protected void lateral() {
        throw unsupported("LATERAL (use CROSS APPLY in text())");
    }

    @Override
    protected void selectPrefix(Select s) {
        if (s.limitClause() != null && s.offsetClause() == null) {
            sql("TOP (");
            expression(s.limitClause());
            sql(s.isPercent() ? ") PERCENT" : ")");
            sql(s.isWithTies() ? " WITH TIES " : " ");
        }
    }

    /** {@code TOP (?) PERCENT} is written before the select list; it takes no OFFSET. */
    @Override
    protected void fetchPercent(Expression<?> percentage, Expression<?> offset, boolean withTies) {
        if (offset != null) {
            throw unsupported("OFFSET with TOP ... PERCENT");
        }
    }

    @Override
    protected void fetchWithTies(Expression<?> limit, Expression<?> offset) {
        if (offset != null) {
            throw unsupported("OFFSET with FETCH ... WITH TIES");
        }
    }

    /** The query being written inside a ROW_NUMBER() emulation, whose ORDER BY and paging move out; or null. */
    private Select rowNumberInner;
    /** The query whose SELECT list is about to be written and takes the {@code mssql_rn} column; or null. */
    private Select rowNumberColumnFor;

    /**
     * Whether OFFSET is emulated with {@code ROW_NUMBER()}: SQL Server before 2012 (version 11) has no
     * {@code OFFSET ... FETCH}. Known only when the server version is (an engine's dialect after connecting, or
     * {@code assumeServerVersion}).
     *
     * @return true for a known SQL Server 2008 R2 or older
     */
    protected boolean pagesWithRowNumber() {
        return dialect.isInitialized() && dialect.serverVersion().major() > 0 && dialect.serverVersion().major() < 11;
    }

    /**
     * Before SQL Server 2012, an offset wraps the query (SQLAlchemy's form): {@code SELECT anon_rn.cols FROM
     * (SELECT cols, ROW_NUMBER() OVER (ORDER BY ...) AS mssql_rn FROM ...) AS anon_rn WHERE mssql_rn > ? AND
     * mssql_rn <= ? + ?}, the limit and offset bound as parameters. ROW_NUMBER() needs the query's ORDER BY; a
     * limit without an offset stays {@code TOP (?)}.
     */
    @Override
    protected void select(Select s) {
        if (s == rowNumberInner || !pagesWithRowNumber() || s.offsetClause() == null) {
            super.select(s);
            return;
        }
        if (s.isPercent() || s.isWithTies()) {
            throw unsupported("OFFSET with TOP ... PERCENT or WITH TIES");
        }
        if (s.orderByClause().isEmpty()) {
            throw new org.retort.exc.CompileException("SQL Server before 2012 pages with ROW_NUMBER() OVER (ORDER BY"
                    + " ...), which needs an ORDER BY: add orderBy(...) to the query that has offset()");
        }
        if (s.forUpdateClause() != null) {
            throw unsupported("FOR UPDATE (SQL Server locks with table hints such as WITH (UPDLOCK))");
        }
        List<String> labels = org.retort.sql.SelectColumns.labels(s.selectedColumns());
        if (labels.contains("mssql_rn")) {
            throw new org.retort.exc.CompileException("A query paged with ROW_NUMBER() before SQL Server 2012 cannot"
                    + " have a column named mssql_rn; label it otherwise");
        }
        sql("SELECT " + String.join(", ", labels.stream().map(l -> "anon_rn." + quote(l)).toList()) + " FROM (");
        Select savedInner = rowNumberInner;
        Select savedColumn = rowNumberColumnFor;
        rowNumberInner = s;
        rowNumberColumnFor = s;
        try {
            super.select(s);
        } finally {
            rowNumberInner = savedInner;
            rowNumberColumnFor = savedColumn;
        }
        sql(") AS anon_rn WHERE mssql_rn > ");
        expression(s.offsetClause());
        if (s.limitClause() != null) {
            sql(" AND mssql_rn <= ");
            expression(s.limitClause());
            sql(" + ");
            expression(s.offsetClause());
        }
    }

    /** Inside the ROW_NUMBER() emulation, the query's columns are followed by {@code ROW_NUMBER() OVER (ORDER BY ...)}. */
    @Override
    protected void selectList(List<Expression<?>> columns) {
        Select paged = rowNumberColumnFor;
        if (paged == null || columns != paged.selectedColumns()) {
            super.selectList(columns);
            return;
        }
        rowNumberColumnFor = null; // the columns' own subqueries take none
        super.selectList(columns);
        sql(", ROW_NUMBER() OVER (ORDER BY ");
        orderByList(paged.orderByClause());
        sql(") AS mssql_rn");
    }

    /** Inside the ROW_NUMBER() emulation the ORDER BY has moved into OVER (...) and the paging out of the query. */
    @Override
    protected void orderByAndPaging(Select s) {
        if (s != rowNumberInner) {
            super.orderByAndPaging(s);
        }
    }

    @Override
    protected void limitClause(Expression<?> limit, Expression<?> offset, boolean ordered, SelectBase query) {
        if (offset == null && (limit == null || query instanceof Select)) {
            return;
        }
        if (pagesWithRowNumber()) {
            throw unsupported("OFFSET on a set operation before SQL Server 2012 (version 11); select from it as a "
                    + "subquery, ordered, to page it with ROW_NUMBER()");
        }
        if (!ordered) {
            sql(" ORDER BY (SELECT NULL)");
        }
        sql(" OFFSET ");
        if (offset == null) {
            sql("0");
        } else {
            expression(offset);
        }
        sql(" ROWS");
        if (limit != null) {
            sql(" FETCH NEXT ");
            expression(limit);
            sql(" ROWS ONLY");
        }
    }

    @Override
    protected void forUpdateClause(ForUpdate f) {
        throw unsupported("FOR UPDATE (SQL Server locks with table hints such as WITH (UPDLOCK))");
    }

    @Override
    protected void updateFrom(TableClause table, List<FromClause> extra) {
        sql(" FROM " + tableName(table));
        for (FromClause f : extra) {
            sql(", ");
            fromItem(f);
        }
    }

    /** SQL Server deletes through an alias with {@code DELETE a FROM t AS a}; other tables in the WHERE are refused then. */
    @Override
    protected void deleteAliased(org.retort.sql.Delete d, boolean hasExtraFroms) {
        if (hasExtraFroms) {
            throw unsupported("DELETE through an alias that also reads other tables");
        }
        if (!d.returningColumns().isEmpty()) {
            throw unsupported("RETURNING from a DELETE through an alias");
        }
        String a = quote(fromName(d.alias()));
        sql("DELETE " + a + " FROM " + tableName(d.table()) + aliasKeyword() + a);
    }

    @Override
    protected void deleteUsing(TableClause table, List<FromClause> extra) {
        updateFrom(table, extra);
    }
}
