package org.retort.sql.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.retort.sql.AnyAll;
import org.retort.sql.Between;
import org.retort.sql.BinaryExpression;
import org.retort.sql.BindParameter;
import org.retort.sql.BooleanClauseList;
import org.retort.sql.Case;
import org.retort.sql.Cast;
import org.retort.sql.Collate;
import org.retort.sql.ColumnClause;
import org.retort.sql.Constant;
import org.retort.sql.DerivedColumn;
import org.retort.sql.Excluded;
import org.retort.sql.Exists;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.FunctionCall;
import org.retort.sql.FunctionFilter;
import org.retort.sql.Grouping;
import org.retort.sql.InExpression;
import org.retort.sql.Join;
import org.retort.sql.Label;
import org.retort.sql.Like;
import org.retort.sql.LiteralColumn;
import org.retort.sql.SequenceNextValue;
import org.retort.sql.OrderBy;
import org.retort.sql.Over;
import org.retort.sql.ScalarSelect;
import org.retort.sql.Select;
import org.retort.sql.Tuple;
import org.retort.sql.TypeCoerce;
import org.retort.sql.UnaryExpression;
import org.retort.sql.WithinGroup;

/**
 * FROM inference: which FROM items the expressions of a statement refer to (not looking inside nested
 * subqueries, which have FROM clauses of their own), and which items a join covers.
 */
public final class Froms {
    private Froms() {
    }

    /**
     * The FROM items referred to by some expressions, in order of first appearance.
     *
     * @param expressions the expressions
     * @return the items
     */
    public static List<FromClause> of(Collection<? extends Expression<?>> expressions) {
        Set<FromClause> out = new LinkedHashSet<>();
        for (Expression<?> e : expressions) {
            collect(e, out);
        }
        return new ArrayList<>(out);
    }

    /**
     * Adds the FROM items of one expression.
     *
     * @param e the expression
     * @param out where to add them
     */
    public static void collect(Expression<?> e, Set<FromClause> out) {
        switch (e) {
            case ColumnClause<?> c -> {
                if (c.table() != null) {
                    out.add(c.table());
                }
            }
            case DerivedColumn<?> d -> out.add(d.from());
            case BindParameter<?> b -> { }
            case Constant<?> c -> { }
            case LiteralColumn<?> l -> { }
            case SequenceNextValue<?> n -> { }
            case Excluded<?> x -> { }
            case ScalarSelect<?> s -> { }
            case Exists x -> { }
            case BinaryExpression<?> b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case UnaryExpression<?> u -> collect(u.operand(), out);
            case BooleanClauseList l -> l.clauses().forEach(c -> collect(c, out));
            case Like l -> {
                collect(l.left(), out);
                collect(l.pattern(), out);
            }
            case Between b -> {
                collect(b.expression(), out);
                collect(b.lower(), out);
                collect(b.upper(), out);
            }
            case InExpression i -> {
                collect(i.left(), out);
                collect(i.right(), out);
            }
            case Case<?> c -> {
                if (c.value() != null) {
                    collect(c.value(), out);
                }
                for (Case.When w : c.whens()) {
                    collect(w.condition(), out);
                    collect(w.result(), out);
                }
                if (c.elseValue() != null) {
                    collect(c.elseValue(), out);
                }
            }
            case Cast<?> c -> collect(c.expression(), out);
            case TypeCoerce<?> t -> collect(t.expression(), out);
            case FunctionCall<?> f -> f.arguments().forEach(a -> collect(a, out));
            case FunctionFilter<?> f -> {
                collect(f.function(), out);
                collect(f.condition(), out);
            }
            case WithinGroup<?> w -> {
                collect(w.function(), out);
                w.orderBy().forEach(o -> collect(o.expression(), out));
            }
            case Over<?> o -> {
                collect(o.function(), out);
                o.partitionBy().forEach(p -> collect(p, out));
                o.orderBy().forEach(p -> collect(p.expression(), out));
            }
            case Label<?> l -> collect(l.element(), out);
            case Tuple t -> t.elements().forEach(x -> collect(x, out));
            case Collate<?> c -> collect(c.expression(), out);
            case AnyAll<?> a -> collect(a.operand(), out);
            case Grouping<?> g -> collect(g.expression(), out);
            case org.retort.sql.Extract x -> collect(x.expression(), out);
            case org.retort.sql.JsonElement<?> j -> collect(j.document(), out);
        }
    }

    /**
     * The FROM items a FROM item covers: a join covers its sides, anything else itself.
     *
     * @param from the item
     * @param out where to add them
     */
    public static void covered(FromClause from, Set<FromClause> out) {
        out.add(from);
        if (from instanceof Join j) {
            covered(j.left(), out);
            covered(j.right(), out);
        }
    }

    /**
     * The FROM list of a SELECT before correlation: explicit items first, then inferred ones not covered by them.
     *
     * @param s the select
     * @return the items
     */
    public static List<FromClause> ofSelect(Select s) {
        Set<FromClause> covered = new LinkedHashSet<>();
        for (FromClause f : s.explicitFroms()) {
            covered(f, covered);
        }
        List<FromClause> out = new ArrayList<>(s.explicitFroms());
        Set<FromClause> inferred = new LinkedHashSet<>();
        for (Expression<?> e : s.selectedColumns()) {
            collect(e, inferred);
        }
        for (Expression<?> e : s.whereClause()) {
            collect(e, inferred);
        }
        for (Expression<?> e : s.groupByClause()) {
            collect(e, inferred);
        }
        for (Expression<?> e : s.havingClause()) {
            collect(e, inferred);
        }
        for (OrderBy o : s.orderByClause()) {
            collect(o.expression(), inferred);
        }
        for (FromClause f : inferred) {
            if (!covered.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
