package org.retort.orm.internal.dml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.sql.BinaryExpression;
import org.retort.sql.BindParameter;
import org.retort.sql.BooleanClauseList;
import org.retort.sql.ColumnClause;
import org.retort.sql.Expression;
import org.retort.sql.InExpression;
import org.retort.sql.Operator;
import org.retort.sql.UnaryExpression;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.internal.mapping.JavaTypes;

/**
 * Evaluates simple WHERE criteria in Java against objects (SQLAlchemy's {@code synchronize_session='evaluate'}):
 * comparisons of the entity's columns with values, AND, OR, NOT, IS [NOT] NULL, IN. Anything else is
 * "not evaluable" and the caller falls back to fetching keys.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** A predicate over objects of the mapper, or null when some criterion cannot be evaluated in Java. */
    public static Predicate<Object> compile(Mapper<?> m, List<Expression<?>> where) {
        List<Predicate<Object>> parts = new ArrayList<>();
        for (Expression<?> e : where) {
            Predicate<Object> p = predicate(m, e);
            if (p == null) {
                return null;
            }
            parts.add(p);
        }
        return o -> parts.stream().allMatch(p -> p.test(o));
    }

    private static Predicate<Object> predicate(Mapper<?> m, Expression<?> e) {
        if (e instanceof BooleanClauseList list) {
            List<Predicate<Object>> parts = new ArrayList<>();
            for (Expression<?> c : list.clauses()) {
                Predicate<Object> p = predicate(m, c);
                if (p == null) {
                    return null;
                }
                parts.add(p);
            }
            boolean and = list.operator() == Operator.AND;
            return o -> and ? parts.stream().allMatch(p -> p.test(o)) : parts.stream().anyMatch(p -> p.test(o));
        }
        if (e instanceof UnaryExpression<?> u) {
            if (u.kind() == UnaryExpression.Kind.NOT) {
                Predicate<Object> p = predicate(m, u.operand());
                return p == null ? null : p.negate();
            }
            Function<Object, Object> v = value(m, u.operand());
            if (v == null) {
                return null;
            }
            if (u.kind() == UnaryExpression.Kind.IS_NULL) {
                return o -> v.apply(o) == null;
            }
            if (u.kind() == UnaryExpression.Kind.IS_NOT_NULL) {
                return o -> v.apply(o) != null;
            }
            return null;
        }
        if (e instanceof InExpression in && in.right() instanceof BindParameter<?> b && b.value() instanceof Collection<?> c) {
            Function<Object, Object> v = value(m, in.left());
            if (v == null) {
                return null;
            }
            return o -> {
                Object x = v.apply(o);
                boolean found = x != null && c.stream().anyMatch(y -> equal(x, y));
                return in.negate() ? x != null && !found : found;
            };
        }
        if (e instanceof BinaryExpression<?> b && b.operator().isComparison()) {
            Function<Object, Object> l = value(m, b.left());
            Function<Object, Object> r = value(m, b.right());
            if (l == null || r == null) {
                return null;
            }
            Operator op = b.operator();
            if (op != Operator.EQ && op != Operator.NE && op != Operator.LT && op != Operator.LE
                    && op != Operator.GT && op != Operator.GE) {
                return null;
            }
            return o -> {
                Object x = l.apply(o);
                Object y = r.apply(o);
                if (x == null || y == null) {
                    return false;
                }
                if (op == Operator.EQ) {
                    return equal(x, y);
                }
                if (op == Operator.NE) {
                    return !equal(x, y);
                }
                int c = compare(x, y);
                return op == Operator.LT ? c < 0 : op == Operator.LE ? c <= 0 : op == Operator.GT ? c > 0 : c >= 0;
            };
        }
        return null;
    }

    private static Function<Object, Object> value(Mapper<?> m, Expression<?> e) {
        if (e instanceof BindParameter<?> b && b.hasValue() && !b.expanding()) {
            Object v = b.value();
            return o -> v;
        }
        if (e instanceof ColumnAttribute<?, ?> a) {
            if (a.entity() != m.entityClass()) {
                return null;
            }
            ColumnProperty p = m.property(a.attributeName());
            return p::get;
        }
        if (e instanceof ColumnClause<?> c && c.table() == m.table()) {
            ColumnProperty p = m.propertyForColumn(c.name());
            return p == null ? null : p::get;
        }
        return null;
    }

    private static boolean equal(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (x instanceof Enum<?> en && y instanceof String s) {
            return en.name().equals(s);
        }
        return JavaTypes.same(x, y);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        return ((Comparable) x).compareTo(y);
    }
}
