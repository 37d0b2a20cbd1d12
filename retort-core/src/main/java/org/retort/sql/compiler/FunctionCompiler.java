package org.retort.sql.compiler;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.sql.Expression;
import org.retort.sql.FunctionCall;
import org.retort.sql.FunctionFilter;
import org.retort.sql.Label;
import org.retort.sql.OrderBy;
import org.retort.sql.Over;

/**
 * Renders function calls (with the ANSI functions that take no parentheses), aggregate FILTER (emulated with
 * CASE where missing), window functions with their frames, and ORDER BY items with NULLS FIRST/LAST (emulated
 * with a leading sort key where missing). Dialects rename functions in {@link #specialFunction}.
 */
public abstract class FunctionCompiler extends ExpressionCompiler {
    private static final Set<String> NO_PAREN_FUNCTIONS = Set.of("current_timestamp", "current_date",
            "current_time", "localtime", "localtimestamp", "current_user", "session_user", "user");

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect
     */
    protected FunctionCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * Renders a function call, giving the dialect a chance to spell it differently first.
     *
     * @param f the call
     */
    @Override
    protected void function(FunctionCall<?> f) {
        if (specialFunction(f)) {
            return;
        }
        String lower = f.name().toLowerCase(Locale.ROOT);
        if (f.arguments().isEmpty() && lower.equals("now") && nowIsCurrentTimestamp()) {
            sql("CURRENT_TIMESTAMP");
            return;
        }
        if (f.arguments().isEmpty() && NO_PAREN_FUNCTIONS.contains(lower)) {
            sql(f.name().toUpperCase(Locale.ROOT));
            return;
        }
        if (f.arguments().isEmpty() && lower.equals("count")) {
            sql(f.name() + "(*)");
            return;
        }
        String renamed = functionName(lower);
        sql((renamed == null ? f.name() : renamed) + "(");
        list(f.arguments());
        sql(")");
    }

    /**
     * Renders functions this dialect names differently ({@code now()}, {@code length()}...).
     *
     * @param f the call
     * @return true when rendered
     */
    protected boolean specialFunction(FunctionCall<?> f) {
        return false;
    }

    /**
     * The name this database gives a function known by another name elsewhere (SQLAlchemy's per-dialect
     * {@code GenericFunction} spellings), such as {@code char_length} as {@code length} on SQLite and
     * {@code LEN} on SQL Server; the arguments stay as they are.
     *
     * @param lowerName the function's name in lower case
     * @return this database's name, or null to keep the name as written
     */
    protected String functionName(String lowerName) {
        return null;
    }

    /**
     * Whether {@code now()} is spelled {@code CURRENT_TIMESTAMP}, for databases without a {@code now()} function.
     *
     * @return false by default ({@code now()} as written)
     */
    protected boolean nowIsCurrentTimestamp() {
        return false;
    }

    /** {@return true when aggregates accept {@code FILTER (WHERE ...)}; otherwise it is emulated with CASE} */
    protected boolean supportsAggregateFilter() {
        return true;
    }

    @Override
    protected void filter(FunctionFilter<?> f) {
        if (supportsAggregateFilter()) {
            function(f.function());
            sql(" FILTER (WHERE ");
            condition(f.condition());
            sql(")");
            return;
        }
        FunctionCall<?> fn = f.function();
        if (fn.arguments().size() > 1) {
            throw unsupported("FILTER (WHERE ...) on the " + fn.name() + "() aggregate with several arguments");
        }
        sql(fn.name() + "(CASE WHEN ");
        condition(f.condition());
        sql(" THEN ");
        if (fn.arguments().isEmpty()) {
            sql("1");
        } else {
            expression(fn.arguments().get(0));
        }
        sql(" END)");
    }

    /**
     * Whether window frames may count in GROUPS.
     *
     * @return true by default
     */
    protected boolean supportsGroupsFrame() {
        return true;
    }

    /**
     * Whether an ordered-set aggregate ({@code ... WITHIN GROUP (ORDER BY ...)}) may be a window function.
     *
     * @return true by default
     */
    protected boolean supportsWithinGroupOver() {
        return true;
    }

    @Override
    protected void over(Over<?> o) {
        if (o.function() instanceof org.retort.sql.WithinGroup<?> && !supportsWithinGroupOver()) {
            throw unsupported("An ordered-set aggregate (WITHIN GROUP) used as a window function (OVER)");
        }
        if (o.frame() != null && o.frame().unit() == Over.Unit.GROUPS && !supportsGroupsFrame()) {
            throw unsupported("A GROUPS window frame");
        }
        expression(o.function());
        sql(" OVER (");
        String sep = "";
        if (!o.partitionBy().isEmpty()) {
            sql("PARTITION BY ");
            list(o.partitionBy());
            sep = " ";
        }
        if (!o.orderBy().isEmpty()) {
            sql(sep + "ORDER BY ");
            orderByList(o.orderBy());
            sep = " ";
        }
        if (o.frame() != null) {
            Over.Frame fr = o.frame();
            sql(sep + fr.unit().name() + " BETWEEN " + frameBound(fr.start(), "PRECEDING") + " AND "
                    + frameBound(fr.end(), "FOLLOWING"));
        }
        sql(")");
    }

    private static String frameBound(Integer bound, String unbounded) {
        if (bound == null) {
            return "UNBOUNDED " + unbounded;
        }
        if (bound == 0) {
            return "CURRENT ROW";
        }
        return bound < 0 ? (-(long) bound) + " PRECEDING" : bound + " FOLLOWING";
    }

    /**
     * Renders ORDER BY items separated by commas.
     *
     * @param items the items
     */
    @Override
    protected void orderByList(List<OrderBy> items) {
        String sep = "";
        for (OrderBy o : items) {
            sql(sep);
            orderByItem(o);
            sep = ", ";
        }
    }

    /** {@return true when ORDER BY accepts NULLS FIRST / NULLS LAST} */
    protected boolean supportsNullsOrdering() {
        return true;
    }

    /**
     * Renders one ORDER BY item, emulating NULLS FIRST/LAST with a leading {@code CASE} sort key where the
     * database lacks them.
     *
     * @param o the item
     */
    protected void orderByItem(OrderBy o) {
        if (o.nulls() != OrderBy.Nulls.DEFAULT && !supportsNullsOrdering()) {
            sql("CASE WHEN ");
            expression(o.expression() instanceof Label<?> l ? l.element() : o.expression());
            sql(" IS NULL THEN " + (o.nulls() == OrderBy.Nulls.FIRST ? "0 ELSE 1" : "1 ELSE 0") + " END, ");
        }
        orderByExpression(o.expression());
        if (o.descending()) {
            sql(" DESC");
        }
        if (o.nulls() != OrderBy.Nulls.DEFAULT && supportsNullsOrdering()) {
            sql(o.nulls() == OrderBy.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /**
     * Renders the expression of an ORDER BY item; the SELECT compiler renders labels of the SELECT list by name.
     *
     * @param e the expression
     */
    protected void orderByExpression(Expression<?> e) {
        valueExpression(e);
    }
}
