package org.retort.sql.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.exc.CompileException;
import org.retort.sql.BooleanClauseList;
import org.retort.sql.CompoundSelect;
import org.retort.sql.Expression;
import org.retort.sql.ForUpdate;
import org.retort.sql.FromClause;
import org.retort.sql.Label;
import org.retort.sql.OrderBy;
import org.retort.sql.Select;
import org.retort.sql.SelectBase;
import org.retort.sql.SelectColumns;
import org.retort.sql.TableClause;
import org.retort.sql.internal.Froms;

/**
 * Renders SELECT and set operations: FROM inference and auto-correlation, GROUP BY/HAVING/ORDER BY, set-operation
 * members, and the dialect hooks for paging ({@link #limitClause}), row locking ({@link #forUpdateClause}) and
 * DISTINCT ON.
 */
public abstract class SelectCompiler extends FromCompiler {
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

    @Override
    protected void nestedSelect(SelectBase select) {
        boolean saved = correlating;
        correlating = true;
        selectBase(select);
        correlating = saved;
    }

    @Override
    protected void selectBase(SelectBase s) {
        switch (s) {
            case Select x -> select(x);
            case CompoundSelect c -> compound(c);
            case org.retort.sql.TextualSelect t -> textualSelect(t);
        }
    }

    /**
     * Renders a {@code text()} query: its text, each {@code :name} a bind parameter ({@code ::} casts and
     * escaped colons as {@link org.retort.sql.TextClause} parsed them).
     *
     * @param t the query
     */
    protected void textualSelect(org.retort.sql.TextualSelect t) {
        List<String> fragments = t.text().fragments();
        List<String> names = t.text().parameterNames();
        sql(fragments.get(0));
        for (int i = 0; i < names.size(); i++) {
            bind(t.parameter(names.get(i)));
            sql(fragments.get(i + 1));
        }
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
            orderByAndPaging(s);
            if (s.forUpdateClause() != null) {
                if (s.forUpdateClause().isKeyShare() && !supportsKeyShareLocks()) {
                    throw unsupported("FOR NO KEY UPDATE / FOR KEY SHARE (ForUpdate.keyShare())");
                }
                forUpdateClause(s.forUpdateClause());
            }
        } finally {
            enclosing.pop();
            correlating = savedCorrelating;
        }
    }

    /**
     * Renders a SELECT's {@code ORDER BY} and its row limit and offset, in the dialect's form.
     *
     * @param s the query
     */
    protected void orderByAndPaging(Select s) {
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
        if (s.isWithTies() && s.orderByClause().isEmpty()) {
            throw new CompileException("fetchWithTies() needs an ORDER BY to know which rows tie");
        }
        if (s.isPercent()) {
            fetchPercent(s.limitClause(), s.offsetClause(), s.isWithTies());
        } else if (s.isWithTies()) {
            fetchWithTies(s.limitClause(), s.offsetClause());
        } else {
            limitClause(s.limitClause(), s.offsetClause(), !s.orderByClause().isEmpty(), s);
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
            valueExpression(e instanceof Label<?> l ? l.element() : e);
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
     * PostgreSQL's {@code DISTINCT ON (...)}: rendered where {@link #supportsDistinctOn()}, else unsupported.
     *
     * @param on the expressions
     */
    protected void distinctOn(List<Expression<?>> on) {
        if (!supportsDistinctOn()) {
            throw unsupported("DISTINCT ON");
        }
        sql("DISTINCT ON (");
        list(on);
        sql(") ");
    }

    /**
     * Whether the database has {@code FETCH FIRST ... ROWS WITH TIES} (or a form of it the dialect renders).
     *
     * @return true by default
     */
    protected boolean supportsFetchWithTies() {
        return true;
    }

    /**
     * Whether the database has {@code SELECT DISTINCT ON (...)}; dialects that do return true.
     *
     * @return false by default
     */
    protected boolean supportsDistinctOn() {
        return false;
    }

    /**
     * Paging: {@code LIMIT ? OFFSET ?} by default; an OFFSET without a limit gets {@link #offsetOnlyLimit()}
     * where the database needs a LIMIT before OFFSET.
     *
     * @param limit the limit or null
     * @param offset the offset or null
     * @param ordered whether the query has ORDER BY
     * @param query the query being rendered
     */
    protected void limitClause(Expression<?> limit, Expression<?> offset, boolean ordered, SelectBase query) {
        String noLimit = offsetOnlyLimit();
        if (limit == null && offset != null && noLimit != null) {
            sql(" LIMIT " + noLimit);
        }
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
     * The LIMIT that means "no limit", for databases whose OFFSET must follow a LIMIT (MySQL's largest unsigned
     * BIGINT, SQLite's -1).
     *
     * @return the literal, or null (the default) where OFFSET may stand alone
     */
    protected String offsetOnlyLimit() {
        return null;
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
     * Whether {@code FETCH FIRST ? PERCENT ROWS} exists here.
     *
     * @return false by default
     */
    protected boolean supportsFetchPercent() {
        return false;
    }

    /**
     * Renders {@code [OFFSET ? ROWS] FETCH FIRST ? PERCENT ROWS ONLY|WITH TIES} where {@link #supportsFetchPercent()};
     * else unsupported.
     *
     * @param percentage the percentage parameter
     * @param offset the offset or null
     * @param withTies whether ties are kept
     */
    protected void fetchPercent(Expression<?> percentage, Expression<?> offset, boolean withTies) {
        if (!supportsFetchPercent()) {
            throw unsupported("FETCH FIRST ... PERCENT (fetchPercent())");
        }
        if (offset != null) {
            sql(" OFFSET ");
            expression(offset);
            sql(" ROWS");
        }
        sql(" FETCH FIRST ");
        expression(percentage);
        sql(withTies ? " PERCENT ROWS WITH TIES" : " PERCENT ROWS ONLY");
    }

    /**
     * Renders {@code [OFFSET ? ROWS] FETCH FIRST ? ROWS WITH TIES}, the standard form, where
     * {@link #supportsFetchWithTies()}; else unsupported.
     *
     * @param limit the row count
     * @param offset the offset or null
     */
    protected void fetchWithTies(Expression<?> limit, Expression<?> offset) {
        if (!supportsFetchWithTies()) {
            throw unsupported("FETCH ... WITH TIES");
        }
        if (offset != null) {
            sql(" OFFSET ");
            expression(offset);
            sql(" ROWS");
        }
        sql(" FETCH FIRST ");
        expression(limit);
        sql(" ROWS WITH TIES");
    }

    /**
     * Whether the database has PostgreSQL's key-share lock strengths, {@code FOR NO KEY UPDATE} and
     * {@code FOR KEY SHARE}.
     *
     * @return false by default
     */
    protected boolean supportsKeyShareLocks() {
        return false;
    }

    /**
     * Row locking: {@code FOR UPDATE|FOR SHARE|FOR NO KEY UPDATE|FOR KEY SHARE [OF ...] [NOWAIT] [SKIP LOCKED]}.
     *
     * @param f the clause
     */
    protected void forUpdateClause(ForUpdate f) {
        if (f.isKeyShare()) {
            sql(f.isRead() ? " FOR KEY SHARE" : " FOR NO KEY UPDATE");
        } else {
            sql(f.isRead() ? " FOR SHARE" : " FOR UPDATE");
        }
        forUpdateOf(f);
        if (f.isNowait()) {
            sql(" NOWAIT");
        }
        if (f.isSkipLocked()) {
            sql(" SKIP LOCKED");
        }
    }

    /**
     * Renders {@code OF targets} of a locking clause as the tables they name, each once, unqualified as
     * PostgreSQL and MySQL require ({@code OF a, b}; a column stands for its table, an alias by its name).
     *
     * @param f the clause
     */
    protected void forUpdateOf(ForUpdate f) {
        if (f.of().isEmpty()) {
            return;
        }
        sql(" OF ");
        String sep = "";
        for (FromClause from : lockedFroms(f)) {
            sql(sep);
            sql(from instanceof TableClause t ? quote(t.name()) : quote(fromName(from)));
            sep = ", ";
        }
    }

    /**
     * The FROM items an {@code OF} list locks, in order and each once: tables and aliases as given, columns by
     * the table they belong to.
     *
     * @param f the clause
     * @return the FROM items
     * @throws CompileException for a target that is neither a FROM item nor a table column
     */
    protected java.util.List<FromClause> lockedFroms(ForUpdate f) {
        java.util.LinkedHashSet<FromClause> froms = new java.util.LinkedHashSet<>();
        for (Object o : f.of()) {
            switch (o) {
                case FromClause fc -> froms.add(fc);
                case org.retort.sql.ColumnClause<?> c when c.table() != null -> froms.add(c.table());
                case org.retort.sql.DerivedColumn<?> d -> froms.add(d.from());
                default -> throw new CompileException("FOR UPDATE OF takes tables, aliases or their columns, got "
                        + o + "; pass the table whose rows are to be locked");
            }
        }
        return java.util.List.copyOf(froms);
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

}
