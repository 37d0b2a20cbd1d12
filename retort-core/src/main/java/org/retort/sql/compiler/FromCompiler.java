package org.retort.sql.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.sql.Cte;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.Join;
import org.retort.sql.SelectBase;
import org.retort.sql.SelectColumns;
import org.retort.sql.Statement;
import org.retort.sql.Subquery;
import org.retort.sql.TableAlias;
import org.retort.sql.TableClause;
import org.retort.sql.Values;
import org.retort.sql.internal.Froms;

/**
 * Renders FROM items: tables, aliases, subqueries (LATERAL ones correlated), joins (a nested right join
 * parenthesized), VALUES lists, and CTEs, which are rendered once each into the WITH clause hoisted to the top
 * of the statement, referenced CTEs before the ones using them.
 */
public abstract class FromCompiler extends FunctionCompiler {
    /** FROM items of the enclosing queries, innermost first, for correlation. */
    protected final Deque<Set<FromClause>> enclosing = new ArrayDeque<>();
    /** True while rendering a subquery that correlates to the enclosing query (WHERE, columns, LATERAL). */
    protected boolean correlating;
    private final Map<String, CompilerOutput> cteBodies = new LinkedHashMap<>();
    private final Set<String> ctesInProgress = new HashSet<>();
    private boolean recursiveCte;

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect
     */
    protected FromCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * Renders a SELECT or a set operation.
     *
     * @param s the query
     */
    protected abstract void selectBase(SelectBase s);

    /**
     * Renders an INSERT, UPDATE or DELETE (for data-modifying CTEs and the top level).
     *
     * @param statement the statement
     */
    protected abstract void dml(Statement statement);

    /**
     * Wraps the rendered statement in the WITH clause of the CTEs it used.
     *
     * @param body the statement's SQL
     * @return the complete SQL
     */
    protected CompilerOutput withCtes(CompilerOutput body) {
        if (cteBodies.isEmpty()) {
            return body;
        }
        CompilerOutput all = new CompilerOutput();
        all.text(recursiveCte ? recursiveWith() : "WITH ");
        String sep = "";
        for (CompilerOutput cte : cteBodies.values()) {
            all.text(sep);
            all.append(cte);
            sep = ", ";
        }
        all.text(" ");
        all.append(body);
        return all;
    }

    /** {@return {@code WITH RECURSIVE }; SQL Server and Oracle write plain {@code WITH }} */
    protected String recursiveWith() {
        return "WITH RECURSIVE ";
    }

    /**
     * Renders one FROM item.
     *
     * @param f the item
     */
    protected void fromItem(FromClause f) {
        switch (f) {
            case TableClause t -> sql(tableName(t));
            case TableAlias a -> sql(tableName(a.table()) + aliasKeyword() + quote(fromName(a)));
            case Subquery s -> {
                if (s.lateral()) {
                    lateral();
                }
                sql("(");
                boolean saved = correlating;
                correlating = s.lateral();
                selectBase(s.select());
                correlating = saved;
                sql(")" + aliasKeyword() + quote(fromName(s)));
            }
            case Cte c -> {
                registerCte(c);
                sql(quote(fromName(c)));
            }
            case org.retort.sql.CteAlias a -> {
                registerCte(a.cte());
                sql(quote(fromName(a.cte())) + aliasKeyword() + quote(fromName(a)));
            }
            case Join j -> join(j);
            case Values v -> valuesFrom(v);
            case org.retort.sql.TableValued t -> tableValued(t);
            case org.retort.sql.TableSample t -> tableSample(t);
        }
    }

    /**
     * Renders a table sample, the SQL standard's {@code t [AS a] TABLESAMPLE SYSTEM|BERNOULLI (?) [REPEATABLE (?)]}
     * where the database has it; dialects with another spelling override, those without refuse.
     *
     * @param t the sample
     */
    protected void tableSample(org.retort.sql.TableSample t) {
        throw unsupported("TABLESAMPLE");
    }

    /**
     * The standard TABLESAMPLE rendering, for dialects that use it.
     *
     * @param t the sample
     */
    protected void standardTableSample(org.retort.sql.TableSample t) {
        sql(tableName(t.table()));
        if (t.name() != null) {
            sql(aliasKeyword() + quote(t.name()));
        }
        sql(" TABLESAMPLE " + t.method().name() + " (");
        expression(t.percentage());
        sql(")");
        if (t.seed() != null) {
            sql(" REPEATABLE (");
            expression(t.seed());
            sql(")");
        }
    }

    /**
     * Whether functions may stand in FROM as tables.
     *
     * @return true by default
     */
    protected boolean supportsTableValuedFunctions() {
        return true;
    }

    /**
     * Renders a function in FROM: {@code [LATERAL ]fn(args) AS name[ (cols)]}.
     *
     * @param t the function
     */
    protected void tableValued(org.retort.sql.TableValued t) {
        if (!supportsTableValuedFunctions()) {
            throw unsupported("A function in FROM (" + t.function().name() + "())");
        }
        if (t.isLateral() && !tableFunctionsCorrelate()) {
            lateral();
        }
        boolean saved = correlating;
        correlating = true;
        tableFunctionCall(t.function());
        correlating = saved;
        sql(aliasKeyword() + quote(fromName(t)));
        if (t.derived()) {
            derivedColumns(t);
        }
    }

    /**
     * Whether a function in FROM may refer to the FROM items to its left without {@code LATERAL} (SQLite), so
     * the keyword is left out.
     *
     * @return false by default
     */
    protected boolean tableFunctionsCorrelate() {
        return false;
    }

    /**
     * Renders the call of a function in FROM; Oracle wraps it in {@code TABLE(...)}.
     *
     * @param f the call
     */
    protected void tableFunctionCall(org.retort.sql.FunctionCall<?> f) {
        expression(f);
    }

    /**
     * Renders the column names after a table function's alias, {@code  (a, b)}; dialects that cannot rename a
     * function's columns refuse.
     *
     * @param t the function
     */
    protected void derivedColumns(org.retort.sql.TableValued t) {
        sql(" (" + String.join(", ", t.columnNames().stream().map(this::quote).toList()) + ")");
    }

    /** {@return the keyword between a FROM item and its alias: {@code " AS "}, or {@code " "} on Oracle} */
    protected String aliasKeyword() {
        return " AS ";
    }

    /** Renders {@code LATERAL }; dialects without it throw. */
    protected void lateral() {
        sql("LATERAL ");
    }

    /**
     * Renders a join.
     *
     * @param j the join
     */
    protected void join(Join j) {
        fromItem(j.left());
        sql(switch (j.type()) {
            case INNER -> " JOIN ";
            case LEFT -> " LEFT OUTER JOIN ";
            case FULL -> fullOuterJoin();
        });
        if (j.right() instanceof Join) {
            sql("(");
            fromItem(j.right());
            sql(")");
        } else {
            fromItem(j.right());
        }
        sql(" ON ");
        Set<FromClause> covered = new LinkedHashSet<>();
        Froms.covered(j, covered);
        enclosing.push(covered);
        boolean saved = correlating;
        correlating = true;
        condition(j.on());
        correlating = saved;
        enclosing.pop();
    }

    /** {@return the FULL OUTER JOIN keyword; dialects without it throw} */
    protected String fullOuterJoin() {
        return " FULL OUTER JOIN ";
    }

    /**
     * Renders a VALUES list in FROM: {@code (VALUES (?, ?), (?, ?)) AS name (a, b)}.
     *
     * @param v the list
     */
    protected void valuesFrom(Values v) {
        sql("(VALUES ");
        valuesRows(v);
        sql(")" + aliasKeyword() + quote(v.name()) + " (");
        sql(String.join(", ", v.columnNames().stream().map(this::quote).toList()));
        sql(")");
    }

    /**
     * Renders the rows of a VALUES list, {@code (?, ?), (?, ?)}.
     *
     * @param v the list
     */
    protected void valuesRows(Values v) {
        String sep = "";
        for (List<Expression<?>> row : v.rows()) {
            sql(sep + "(");
            list(row);
            sql(")");
            sep = ", ";
        }
    }

    /**
     * The VALUES list written as {@code SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?}, for databases without
     * VALUES in FROM.
     *
     * @param v the list
     * @param fromDual text after each SELECT list, such as {@code " FROM DUAL"}
     */
    protected void valuesAsUnion(Values v, String fromDual) {
        sql("(");
        for (int r = 0; r < v.rows().size(); r++) {
            if (r > 0) {
                sql(" UNION ALL ");
            }
            sql("SELECT ");
            List<Expression<?>> row = v.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sql(", ");
                }
                expression(row.get(i));
                if (r == 0) {
                    sql(" AS " + quote(v.columnNames().get(i)));
                }
            }
            sql(fromDual);
        }
        sql(")" + aliasKeyword() + quote(v.name()));
    }

    /**
     * Records a CTE used by the statement and renders its body into the WITH clause, once.
     *
     * @param c the CTE
     */
    protected void registerCte(Cte c) {
        String name = fromName(c);
        if (cteBodies.containsKey(name) || ctesInProgress.contains(name)) {
            return;
        }
        ctesInProgress.add(name);
        CompilerOutput saved = out;
        boolean savedCorrelating = correlating;
        List<Set<FromClause>> savedEnclosing = new ArrayList<>(enclosing);
        enclosing.clear();
        correlating = false;
        out = new CompilerOutput();
        try {
            sql(quote(name));
            if (c.recursive()) {
                recursiveCte = true;
                if (c.statement() instanceof SelectBase sb) {
                    sql("(" + String.join(", ", SelectColumns.labels(sb.selectedColumns()).stream()
                            .map(this::quote).toList()) + ")");
                }
            }
            sql(" AS (");
            if (c.statement() instanceof SelectBase sb) {
                selectBase(sb);
            } else {
                dataModifyingCte(c.statement());
            }
            sql(")");
            cteBodies.put(name, out);
        } finally {
            out = saved;
            correlating = savedCorrelating;
            enclosing.clear();
            for (int i = savedEnclosing.size() - 1; i >= 0; i--) {
                enclosing.push(savedEnclosing.get(i));
            }
            ctesInProgress.remove(name);
        }
    }

    /**
     * An INSERT/UPDATE/DELETE inside WITH: rendered where {@link #supportsDataModifyingCte()} (PostgreSQL), else
     * unsupported.
     *
     * @param statement the DML statement
     */
    protected void dataModifyingCte(Statement statement) {
        if (!supportsDataModifyingCte()) {
            throw unsupported("A data-modifying statement (INSERT/UPDATE/DELETE) in WITH");
        }
        dml(statement);
    }

    /**
     * Whether the database takes INSERT/UPDATE/DELETE inside WITH; dialects that do return true.
     *
     * @return false by default
     */
    protected boolean supportsDataModifyingCte() {
        return false;
    }
}
