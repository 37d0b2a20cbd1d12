package org.retort.sql.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.retort.exc.ArgumentException;
import org.retort.sql.AnyAll;
import org.retort.sql.Between;
import org.retort.sql.BinaryExpression;
import org.retort.sql.BindParameter;
import org.retort.sql.BooleanClauseList;
import org.retort.sql.Case;
import org.retort.sql.Cast;
import org.retort.sql.Collate;
import org.retort.sql.ColumnClause;
import org.retort.sql.CompoundSelect;
import org.retort.sql.Constant;
import org.retort.sql.Cte;
import org.retort.sql.Delete;
import org.retort.sql.DerivedColumn;
import org.retort.sql.Excluded;
import org.retort.sql.Exists;
import org.retort.sql.Expression;
import org.retort.sql.ForUpdate;
import org.retort.sql.FromClause;
import org.retort.sql.FunctionCall;
import org.retort.sql.FunctionFilter;
import org.retort.sql.Grouping;
import org.retort.sql.InExpression;
import org.retort.sql.Insert;
import org.retort.sql.Join;
import org.retort.sql.Label;
import org.retort.sql.Like;
import org.retort.sql.LiteralColumn;
import org.retort.sql.SequenceNextValue;
import org.retort.sql.OnConflict;
import org.retort.sql.OrderBy;
import org.retort.sql.Over;
import org.retort.sql.ScalarSelect;
import org.retort.sql.Select;
import org.retort.sql.Statement;
import org.retort.sql.Subquery;
import org.retort.sql.TableAlias;
import org.retort.sql.TableClause;
import org.retort.sql.Tuple;
import org.retort.sql.TypeCoerce;
import org.retort.sql.UnaryExpression;
import org.retort.sql.Update;
import org.retort.sql.Values;
import org.retort.sql.WithinGroup;

/**
 * One walk over a statement tree, in a fixed order that does not depend on the dialect, producing:
 * the structural cache key (node classes and attributes, bind parameters by name and type but never by value),
 * the name of every bind parameter (unique ones numbered {@code key_1, key_2...} in walk order), the values
 * they carry, and the names of anonymous FROM items. Equal structure therefore gives equal keys and equal bind
 * names, which is what lets a cached compiled form serve a new statement instance.
 */
public final class Analysis {
    // the walk runs on every execution, so its maps are small and made only when needed
    private final List<Object> key = new ArrayList<>(128);
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<BindParameter<?>, String> bindNames = new IdentityHashMap<>(16);
    private final List<Object> seen = new ArrayList<>(4);
    private final Map<String, Integer> bindCounters = new HashMap<>();
    private Map<Object, String> fromNames;
    private Map<String, Integer> fromCounters;
    private Map<String, BindParameter<?>> named;
    private final Statement statement;
    private CacheKey cacheKey;

    /**
     * The last statement each thread analysed: execution asks a statement for its cache key and then for its
     * bound values, and both come from the same walk. Statements are immutable, so a memoized analysis never
     * goes stale; holding one per thread keeps that statement reachable until the thread analyses another.
     */
    private static final ThreadLocal<Analysis> LAST = new ThreadLocal<>();

    private Analysis(Statement statement) {
        this.statement = statement;
    }

    /**
     * Analyses a statement (or returns this thread's analysis of the same statement instance).
     *
     * @param statement the statement
     * @return the analysis
     */
    public static Analysis of(Statement statement) {
        Analysis last = LAST.get();
        if (last != null && last.statement == statement) {
            return last;
        }
        Analysis a = new Analysis(statement);
        a.statement(statement);
        LAST.set(a);
        return a;
    }

    /** {@return the structural cache key} */
    public Object cacheKey() {
        if (cacheKey == null) {
            cacheKey = new CacheKey(key);
        }
        return cacheKey;
    }

    /** {@return the bind values, by name} */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** {@return every bind parameter name} */
    public Set<String> bindNames() {
        return new java.util.HashSet<>(bindNames.values());
    }

    /**
     * The name of a bind parameter of the analysed statement.
     *
     * @param b the parameter
     * @return its name
     */
    public String nameOf(BindParameter<?> b) {
        String n = bindNames.get(b);
        if (n == null) {
            n = bind(b);
        }
        return n;
    }

    /**
     * The name of a FROM item: its own, or the anonymous name given in the walk.
     *
     * @param from an alias, subquery or CTE
     * @param own its own name, or null
     * @return the name
     */
    public String nameOf(Object from, String own) {
        if (own != null) {
            return own;
        }
        if (fromNames == null) {
            fromNames = new IdentityHashMap<>(4);
        }
        return fromNames.computeIfAbsent(from, f -> anonymous(f));
    }

    private String anonymous(Object f) {
        String base = f instanceof TableAlias a ? a.table().name() : "anon";
        return base + "_" + fromCounters().merge(base, 1, Integer::sum);
    }

    private Map<String, Integer> fromCounters() {
        if (fromCounters == null) {
            fromCounters = new HashMap<>(4);
        }
        return fromCounters;
    }

    private boolean ref(Object node) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i) == node) {
                key.add("ref");
                key.add(i);
                return true;
            }
        }
        seen.add(node);
        return false;
    }

    private String bind(BindParameter<?> b) {
        String name;
        if (b.unique()) {
            int n;
            do {
                n = bindCounters.merge(b.key(), 1, Integer::sum);
                name = b.key() + "_" + n;
            } while (named != null && named.containsKey(name));
        } else {
            name = b.key();
            if (named == null) {
                named = new HashMap<>(4);
            }
            BindParameter<?> prior = named.get(name);
            if (prior != null && prior.hasValue() && b.hasValue() && !Objects.equals(prior.value(), b.value())) {
                throw new ArgumentException("Bind parameter '" + name + "' is used twice with different values ("
                        + prior.value() + " and " + b.value() + "); give one of them another name");
            }
            named.put(name, b);
        }
        bindNames.put(b, name);
        if (b.hasValue()) {
            values.put(name, b.value());
        }
        return name;
    }

    // ------------------------------------------------------------------ statements

    private void statement(Statement s) {
        if (ref(s)) {
            return;
        }
        key.add(s.getClass());
        switch (s) {
            case Select x -> {
                exprs(x.selectedColumns());
                x.explicitFroms().forEach(this::from);
                exprs(x.whereClause());
                exprs(x.groupByClause());
                exprs(x.havingClause());
                orderBy(x.orderByClause());
                opt(x.limitClause());
                opt(x.offsetClause());
                key.add(x.isWithTies());
                key.add(x.isPercent());
                key.add(x.isDistinct());
                exprs(x.distinctOnClause());
                forUpdate(x.forUpdateClause());
                if (x.correlation() == null) {
                    key.add("auto");
                } else {
                    key.add(x.isCorrelateNone());
                    x.correlation().forEach(this::from);
                }
            }
            case org.retort.sql.TextualSelect t -> {
                key.add(t.text().text());
                for (org.retort.sql.ColumnClause<?> c : t.columns()) {
                    key.add(c.name());
                    key.add(c.type());
                }
                exprs(new ArrayList<>(t.parameters()));
            }
            case CompoundSelect c -> {
                key.add(c.kind());
                key.add(c.selects().size());
                c.selects().forEach(this::statement);
                orderBy(c.orderByClause());
                opt(c.limitClause());
                opt(c.offsetClause());
            }
            case Insert i -> {
                key.add(i.table());
                key.add(i.isMultiValues());
                key.add(i.rows().size());
                for (Map<String, Expression<?>> row : i.rows()) {
                    for (Map.Entry<String, Expression<?>> e : row.entrySet()) {
                        key.add(e.getKey());
                        expr(e.getValue());
                    }
                }
                key.add(i.fromSelectColumns());
                if (i.fromSelectQuery() != null) {
                    statement(i.fromSelectQuery());
                }
                exprs(i.returningColumns());
                OnConflict oc = i.onConflict();
                if (oc != null) {
                    key.add(oc.kind());
                    exprs(oc.targets());
                    key.add(oc.constraint());
                    opt(oc.indexWhere());
                    for (Map.Entry<String, Expression<?>> e : oc.set().entrySet()) {
                        key.add(e.getKey());
                        expr(e.getValue());
                    }
                    opt(oc.where());
                }
            }
            case Update u -> {
                key.add(u.table());
                for (Map.Entry<String, Expression<?>> e : u.setValues().entrySet()) {
                    key.add(e.getKey());
                    expr(e.getValue());
                }
                exprs(u.whereClause());
                exprs(u.returningColumns());
            }
            case Delete d -> {
                key.add(d.table());
                if (d.alias() != null) {
                    from(d.alias());
                }
                exprs(d.whereClause());
                exprs(d.returningColumns());
            }
            case org.retort.sql.Merge m -> {
                key.add(m.target());
                if (m.source() != null) {
                    from(m.source());
                }
                opt(m.on());
                for (org.retort.sql.Merge.When w : m.clauses()) {
                    key.add(w.matched());
                    key.add(w.action());
                    opt(w.condition());
                    for (Map.Entry<String, Expression<?>> e : w.values().entrySet()) {
                        key.add(e.getKey());
                        expr(e.getValue());
                    }
                }
            }
        }
        key.add(";");
    }

    private void forUpdate(ForUpdate f) {
        if (f == null) {
            key.add(null);
            return;
        }
        key.add(f.isRead());
        key.add(f.isNowait());
        key.add(f.isSkipLocked());
        key.add(f.isKeyShare());
        for (Object o : f.of()) {
            if (o instanceof Expression<?> e) {
                expr(e);
            } else if (o instanceof FromClause fc) {
                from(fc);
            }
        }
    }

    private void orderBy(List<OrderBy> items) {
        key.add(items.size());
        for (OrderBy o : items) {
            expr(o.expression());
            key.add(o.descending());
            key.add(o.nulls());
        }
    }

    private void opt(Expression<?> e) {
        if (e == null) {
            key.add(null);
        } else {
            expr(e);
        }
    }

    private void exprs(List<? extends Expression<?>> list) {
        key.add(list.size());
        for (Expression<?> e : list) {
            expr(e);
        }
    }

    // ------------------------------------------------------------------ FROM

    private void from(FromClause f) {
        if (f instanceof TableClause t) {
            key.add(t);
            return;
        }
        if (ref(f)) {
            return;
        }
        key.add(f.getClass());
        switch (f) {
            case TableClause t -> key.add(t);
            case TableAlias a -> {
                key.add(a.table());
                key.add(a.name());
                nameOf(a, a.name());
            }
            case Subquery s -> {
                key.add(s.name());
                key.add(s.lateral());
                nameOf(s, s.name());
                statement(s.select());
            }
            case Cte c -> {
                key.add(c.name());
                nameOf(c, c.name());
                key.add(c.recursive());
                if (c.restates() != null) {
                    from(c.restates());
                }
                statement(c.statement());
            }
            case org.retort.sql.CteAlias a -> {
                key.add("cte alias");
                key.add(a.name());
                nameOf(a, a.name());
                from(a.cte());
            }
            case Join j -> {
                key.add(j.type());
                from(j.left());
                from(j.right());
                expr(j.on());
            }
            case org.retort.sql.TableSample t -> {
                key.add(t.table());
                key.add(t.method());
                key.add(t.name());
                expr(t.percentage());
                opt(t.seed());
            }
            case org.retort.sql.TableValued t -> {
                key.add(t.name());
                key.add(t.columnNames());
                key.add(t.isLateral());
                key.add(t.derived());
                nameOf(t, t.name());
                expr(t.function());
            }
            case Values v -> {
                key.add(v.name());
                key.add(v.columnNames());
                key.add(v.rows().size());
                v.rows().forEach(this::exprs);
            }
        }
    }

    // ------------------------------------------------------------------ expressions

    private void expr(Expression<?> e) {
        key.add(e.getClass());
        switch (e) {
            case ColumnClause<?> c -> key.add(c);
            case DerivedColumn<?> d -> {
                from(d.from());
                key.add(d.name());
                key.add(d.type());
            }
            case BindParameter<?> b -> {
                key.add(nameOf(b));
                key.add(b.type());
                key.add(b.expanding());
                key.add(b.literalExecute());
            }
            case Constant<?> c -> key.add(c.kind());
            case LiteralColumn<?> l -> key.add(l.text());
            case SequenceNextValue<?> n -> {
                key.add(n.schema());
                key.add(n.name());
                key.add(n.type());
            }
            case Excluded<?> x -> key.add(x.column());
            case ScalarSelect<?> s -> statement(s.select());
            case Exists x -> statement(x.select());
            case BinaryExpression<?> b -> {
                expr(b.left());
                key.add(b.operator());
                expr(b.right());
                key.add(b.type());
            }
            case UnaryExpression<?> u -> {
                key.add(u.kind());
                expr(u.operand());
            }
            case BooleanClauseList l -> {
                key.add(l.operator());
                exprs(l.clauses());
            }
            case Like l -> {
                expr(l.left());
                expr(l.pattern());
                key.add(l.escape());
                key.add(l.negate());
                key.add(l.ignoreCase());
            }
            case Between b -> {
                expr(b.expression());
                expr(b.lower());
                expr(b.upper());
                key.add(b.negate());
            }
            case InExpression i -> {
                expr(i.left());
                expr(i.right());
                key.add(i.negate());
            }
            case Case<?> c -> {
                opt(c.value());
                key.add(c.whens().size());
                for (Case.When w : c.whens()) {
                    expr(w.condition());
                    expr(w.result());
                }
                opt(c.elseValue());
                key.add(c.type());
            }
            case Cast<?> c -> {
                expr(c.expression());
                key.add(c.type());
            }
            case TypeCoerce<?> t -> {
                expr(t.expression());
                key.add(t.type());
            }
            case FunctionCall<?> f -> {
                key.add(f.name());
                exprs(f.arguments());
                key.add(f.type());
            }
            case FunctionFilter<?> f -> {
                expr(f.function());
                expr(f.condition());
            }
            case WithinGroup<?> w -> {
                expr(w.function());
                orderBy(w.orderBy());
            }
            case Over<?> o -> {
                expr(o.function());
                exprs(o.partitionBy());
                orderBy(o.orderBy());
                key.add(o.frame());
            }
            case Label<?> l -> {
                key.add(l.name());
                expr(l.element());
            }
            case Tuple t -> exprs(t.elements());
            case Collate<?> c -> {
                expr(c.expression());
                key.add(c.collation());
            }
            case AnyAll<?> a -> {
                key.add(a.all());
                expr(a.operand());
            }
            case Grouping<?> g -> expr(g.expression());
            case org.retort.sql.Extract x -> {
                key.add(x.field());
                expr(x.expression());
            }
            case org.retort.sql.JsonElement<?> j -> {
                expr(j.document());
                key.add(j.asText());
                exprs(j.keys());
                expr(j.jsonPath());
            }
        }
    }
}
