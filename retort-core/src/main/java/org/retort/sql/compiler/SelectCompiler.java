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
import org.retort.exc.CompileException;
import org.retort.sql.BooleanClauseList;
import org.retort.sql.CompoundSelect;
import org.retort.sql.Cte;
import org.retort.sql.Expression;
import org.retort.sql.ForUpdate;
import org.retort.sql.FromClause;
import org.retort.sql.Join;
import org.retort.sql.Label;
import org.retort.sql.OrderBy;
import org.retort.sql.Select;
import org.retort.sql.SelectBase;
import org.retort.sql.SelectColumns;
import org.retort.sql.Statement;
import org.retort.sql.Subquery;
import org.retort.sql.TableAlias;
import org.retort.sql.TableClause;
import org.retort.sql.Values;
import org.retort.sql.internal.Froms;

/**
 * Renders SELECT and set operations: FROM inference and auto-correlation, joins, subqueries, CTEs (hoisted into
 * one WITH clause at the top of the statement), GROUP BY/HAVING/ORDER BY, and the dialect hooks for paging
 * ({@link #limitClause}), row locking ({@link #forUpdateClause}) and DISTINCT ON.
 */
public abstract class SelectCompiler extends ExpressionCompiler {
    /** FROM items of the enclosing queries, innermost last, for correlation. */
    protected final Deque<Set<FromClause>> enclosing = new ArrayDeque<>();
    private final Map<String, CompilerOutput> cteBodies = new LinkedHashMap<>();
    private final Set<String> ctesInProgress = new HashSet<>();
    private boolean recursiveCte;
    private boolean correlating;
    private List<Expression<?>> orderContext = List.of();
    private List<String> orderContextLabels = List.of();

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect
     */
    protected SelectCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * Renders an INSERT, UPDATE or DELETE (for data-modifying CTEs and the top level).
     *
     * @param statement the statement
     */
    protected abstract void dml(Statement statement);

    @Override
    protected void nestedSelect(SelectBase select) {
        boolean saved = correlating;
        correlating = true;
        selectBase(select);
        correlating = saved;
    }

    /**
     * Renders a SELECT or a set operation.
     *
     * @param s the query
     */
    protected void selectBase(SelectBase s) {
        switch (s) {
            case Select x -> select(x);
            case CompoundSelect c -> compound(c);
        }
    }

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

    /** @return {@code WITH RECURSIVE }; SQL Server and Oracle write plain {@code WITH } */
    protected String recursiveWith() {
        return "WITH RECURSIVE ";
    }

    // ------------------------------------------------------------------ SELECT

    /**
     * Renders one SELECT.
     *
     * @param s the query
     */
    protected void select(Select s) {
        List<FromClause> froms = correlatedFroms(s);
        sql("SELECT ");
        if (!s.distinctOnClause().isEmpty()) {
            distinctOn(s.distinctOnClause());
        } else if (s.isDistinct()) {
            sql("DISTINCT ");
        }
        selectPrefix(s);
        Set<FromClause> covered = new LinkedHashSet<>();
        for (FromClause f : froms) {
            Froms.covered(f, covered);
        }
        enclosing.push(covered);
        boolean savedCorrelating = correlating;
        try {
            selectList(s.selectedColumns());
            correlating = false;
            if (froms.isEmpty()) {
                sql(emptyFrom(s));
            } else {
                sql(" FROM ");
                String sep = "";
                for (FromClause f : froms) {
                    sql(sep);
                    fromItem(f);
                    sep = ", ";
                }
            }
            correlating = true;
            whereClause(s.whereClause());
            if (!s.groupByClause().isEmpty()) {
                sql(" GROUP BY ");
                list(s.groupByClause());
            }
            if (!s.havingClause().isEmpty()) {
                sql(" HAVING ");
                condition(conjunction(s.havingClause()));
            }
            List<Expression<?>> savedCtx = orderContext;
            List<String> savedLabels = orderContextLabels;
            orderContext = s.selectedColumns();
            orderContextLabels = SelectColumns.labels(s.selectedColumns());
            if (!s.orderByClause().isEmpty()) {
                sql(" ORDER BY ");
                orderByList(s.orderByClause());
            }
            orderContext = savedCtx;
            orderContextLabels = savedLabels;
            limitClause(s.limitClause(), s.offsetClause(), !s.orderByClause().isEmpty(), s);
            if (s.forUpdateClause() != null) {
                forUpdateClause(s.forUpdateClause());
            }
        } finally {
            enclosing.pop();
            correlating = savedCorrelating;
        }
    }

    /**
     * Renders the WHERE clause of conditions, if any.
     *
     * @param where the conditions
     */
    protected void whereClause(List<Expression<?>> where) {
        if (!where.isEmpty()) {
            sql(" WHERE ");
            condition(conjunction(where));
        }
    }

    /**
     * ANDs conditions.
     *
     * @param conditions one or more conditions
     * @return the condition
     */
    protected static Expression<?> conjunction(List<Expression<?>> conditions) {
        return conditions.size() == 1 ? conditions.get(0)
                : BooleanClauseList.allOf(conditions.toArray(Expression<?>[]::new));
    }

    /**
     * The SELECT list with labels where the result name differs from the expression's own.
     *
     * @param columns the expressions
     */
    protected void selectList(List<Expression<?>> columns) {
        if (columns.isEmpty()) {
            throw new CompileException("A SELECT needs at least one column");
        }
        List<String> labels = SelectColumns.labels(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql(", ");
            }
            Expression<?> e = columns.get(i);
            expression(e);
            if (e instanceof Label<?> || !labels.get(i).equals(e.naturalName())) {
                sql(" AS " + quote(labels.get(i)));
            }
        }
    }

    private List<FromClause> correlatedFroms(Select s) {
        List<FromClause> froms = Froms.ofSelect(s);
        if (!correlating || enclosing.isEmpty() || s.isCorrelateNone()) {
            return froms;
        }
        Set<FromClause> outer = new HashSet<>();
        for (Set<FromClause> level : enclosing) {
            outer.addAll(level);
        }
        List<FromClause> kept = new ArrayList<>();
        if (s.correlation() != null) {
            for (FromClause f : froms) {
                if (!(s.correlation().contains(f) && outer.contains(f))) {
                    kept.add(f);
                }
            }
            return kept;
        }
        if (froms.size() <= 1) {
            return froms;
        }
        for (FromClause f : froms) {
            if (!outer.contains(f)) {
                kept.add(f);
            }
        }
        if (kept.isEmpty()) {
            throw new CompileException("A subquery returned no FROM clauses due to auto-correlation (all of " + froms
                    + " are in the enclosing query); call correlate(...) or correlateNone() on it");
        }
        return kept;
    }

    /**
     * What follows the SELECT list when there is no FROM; nothing by default, {@code FROM DUAL} on Oracle.
     *
     * @param s the query
     * @return the text
     */
    protected String emptyFrom(Select s) {
        return "";
    }

    /**
     * Text after {@code SELECT [DISTINCT] }, before the columns (SQL Server's TOP).
     *
     * @param s the query
     */
    protected void selectPrefix(Select s) {
    }

    /**
     * PostgreSQL's {@code DISTINCT ON (...)}; unsupported by default.
     *
     * @param on the expressions
     */
    protected void distinctOn(List<Expression<?>> on) {
        throw unsupported("DISTINCT ON");
    }

    /**
     * Paging: {@code LIMIT ? OFFSET ?} by default.
     *
     * @param limit the limit or null
     * @param offset the offset or null
     * @param ordered whether the query has ORDER BY
     * @param query the query being rendered
     */
    protected void limitClause(Expression<?> limit, Expression<?> offset, boolean ordered, SelectBase query) {
        if (limit != null) {
            sql(" LIMIT ");
            expression(limit);
        }
        if (offset != null) {
            sql(" OFFSET ");
            expression(offset);
        }
    }

    /**
     * The standard {@code OFFSET ? ROWS FETCH FIRST ? ROWS ONLY}, for dialects that use it.
     *
     * @param limit the limit or null
     * @param offset the offset or null
     */
    protected void offsetFetch(Expression<?> limit, Expression<?> offset) {
        if (offset != null) {
            sql(" OFFSET ");
            expression(offset);
            sql(" ROWS");
        }
        if (limit != null) {
            sql(" FETCH FIRST ");
            expression(limit);
            sql(" ROWS ONLY");
        }
    }

    /**
     * Row locking: {@code FOR UPDATE|FOR SHARE [OF ...] [NOWAIT] [SKIP LOCKED]}.
     *
     * @param f the clause
     */
    protected void forUpdateClause(ForUpdate f) {
        sql(f.isRead() ? " FOR SHARE" : " FOR UPDATE");
        forUpdateOf(f);
        if (f.isNowait()) {
            sql(" NOWAIT");
        }
        if (f.isSkipLocked()) {
            sql(" SKIP LOCKED");
        }
    }

    /**
     * Renders {@code OF targets} of a locking clause.
     *
     * @param f the clause
     */
    protected void forUpdateOf(ForUpdate f) {
        if (f.of().isEmpty()) {
            return;
        }
        sql(" OF ");
        String sep = "";
        for (Object o : f.of()) {
            sql(sep);
            if (o instanceof TableClause t) {
                sql(tableName(t));
            } else if (o instanceof FromClause fc) {
                sql(quote(fromName(fc)));
            } else if (o instanceof Expression<?> e) {
                expression(e);
            }
            sep = ", ";
        }
    }

    @Override
    protected void orderByExpression(Expression<?> e) {
        for (int i = 0; i < orderContext.size(); i++) {
            Expression<?> c = orderContext.get(i);
            if (c == e && e instanceof Label<?>) {
                sql(quote(orderContextLabels.get(i)));
                return;
            }
        }
        super.orderByExpression(e);
    }

    // ------------------------------------------------------------------ set operations

    private void compound(CompoundSelect c) {
        for (int i = 0; i < c.selects().size(); i++) {
            if (i > 0) {
                sql(" " + compoundKeyword(c.kind()) + " ");
            }
            SelectBase m = c.selects().get(i);
            boolean parens = m instanceof CompoundSelect
                    || m instanceof Select s && (!s.orderByClause().isEmpty() || s.limitClause() != null
                    || s.offsetClause() != null);
            compoundMember(m, parens);
        }
        List<Expression<?>> savedCtx = orderContext;
        List<String> savedLabels = orderContextLabels;
        if (!c.orderByClause().isEmpty()) {
            sql(" ORDER BY ");
            List<Expression<?>> cols = c.selectedColumns();
            List<String> labels = SelectColumns.labels(cols);
            String sep = "";
            for (OrderBy o : c.orderByClause()) {
                sql(sep);
                int idx = cols.indexOf(o.expression());
                if (idx >= 0) {
                    sql(quote(labels.get(idx)));
                    if (o.descending()) {
                        sql(" DESC");
                    }
                    if (o.nulls() != OrderBy.Nulls.DEFAULT) {
                        sql(o.nulls() == OrderBy.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
                    }
                } else {
                    orderByItem(o);
                }
                sep = ", ";
            }
        }
        orderContext = savedCtx;
        orderContextLabels = savedLabels;
        limitClause(c.limitClause(), c.offsetClause(), !c.orderByClause().isEmpty(), c);
    }

    /**
     * The keyword of a set operator.
     *
     * @param kind the operator
     * @return its SQL
     */
    protected String compoundKeyword(CompoundSelect.Kind kind) {
        return kind.sql();
    }

    /**
     * Renders one member of a set operation, parenthesized when it has its own ORDER BY/LIMIT or is itself a
     * set operation.
     *
     * @param member the member
     * @param parens whether it needs parentheses
     */
    protected void compoundMember(SelectBase member, boolean parens) {
        if (parens) {
            sql("(");
        }
        selectBase(member);
        if (parens) {
            sql(")");
        }
    }

    // ------------------------------------------------------------------ FROM

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
                sql(quote(c.name()));
            }
            case Join j -> join(j);
            case Values v -> valuesFrom(v);
        }
    }

    /** @return the keyword between a FROM item and its alias: {@code " AS "}, or {@code " "} on Oracle */
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

    /** @return the FULL OUTER JOIN keyword; dialects without it throw */
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
        if (cteBodies.containsKey(c.name()) || ctesInProgress.contains(c.name())) {
            return;
        }
        ctesInProgress.add(c.name());
        CompilerOutput saved = out;
        boolean savedCorrelating = correlating;
        List<Set<FromClause>> savedEnclosing = new ArrayList<>(enclosing);
        enclosing.clear();
        correlating = false;
        out = new CompilerOutput();
        try {
            sql(quote(c.name()));
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
            cteBodies.put(c.name(), out);
        } finally {
            out = saved;
            correlating = savedCorrelating;
            enclosing.clear();
            for (int i = savedEnclosing.size() - 1; i >= 0; i--) {
                enclosing.push(savedEnclosing.get(i));
            }
            ctesInProgress.remove(c.name());
        }
    }

    /**
     * An INSERT/UPDATE/DELETE inside WITH; PostgreSQL only by default.
     *
     * @param statement the DML statement
     */
    protected void dataModifyingCte(Statement statement) {
        throw unsupported("A data-modifying statement (INSERT/UPDATE/DELETE) in WITH");
    }
}
