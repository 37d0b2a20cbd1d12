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
 * comparisons of the entity's columns with values, AND, OR, NOT, IS [NOT] NULL, IN, over columns, values and
 * {@code + - *}, unary minus and string concatenation of them; and the values of an UPDATE's SET the same way
 * ({@link #setValue}). Anything else is "not evaluable" and the caller falls back to fetching.
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

    /**
     * Compiles the value an UPDATE's SET gives one column into a function of the object's current fields
     * (SQLAlchemy's evaluation of the SET clause under {@code synchronize_session='evaluate'}): a Java value, a
     * bound value, a column of the same entity, and {@code +}, {@code -}, {@code *}, unary minus and string
     * concatenation over those, with SQL's NULL rule (NULL in, NULL out). Integer operands are added exactly
     * (overflow is not evaluable), floating-point ones as doubles, other numbers as {@link BigDecimal}.
     *
     * @param m the mapper of the updated entity
     * @param value the SET value: a Java value or an expression
     * @return the function, or null when the value cannot be computed in Java (division, SQL functions, other
     *     tables); the function throws {@link Unevaluable} for operand values Java cannot combine as SQL would
     */
    public static Function<Object, Object> setValue(Mapper<?> m, Object value) {
        if (!(value instanceof Expression<?> e)) {
            return o -> value;
        }
        return value(m, e);
    }

    /** Thrown by a compiled SET value for operands it cannot combine as the database would. */
    public static final class Unevaluable extends RuntimeException {
        Unevaluable() {
            super(null, null, false, false);
        }
    }

    private static Function<Object, Object> value(Mapper<?> m, Expression<?> e) {
        if (e instanceof BindParameter<?> b && b.hasValue() && !b.expanding()) {
            Object v = b.value();
            return o -> v;
        }
        if (e instanceof UnaryExpression<?> u && u.kind() == UnaryExpression.Kind.NEG) {
            Function<Object, Object> x = value(m, u.operand());
            return x == null ? null : o -> arithmetic(Operator.SUB, 0, x.apply(o));
        }
        if (e instanceof BinaryExpression<?> b && (b.operator() == Operator.ADD || b.operator() == Operator.SUB
                || b.operator() == Operator.MUL || b.operator() == Operator.CONCAT)) {
            Function<Object, Object> l = value(m, b.left());
            Function<Object, Object> r = value(m, b.right());
            if (l == null || r == null) {
                return null;
            }
            Operator op = b.operator();
            return o -> arithmetic(op, l.apply(o), r.apply(o));
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

    /** {@return x op y as SQL computes it: NULL when either is NULL} */
    private static Object arithmetic(Operator op, Object x, Object y) {
        if (x == null || y == null) {
            return null;
        }
        if (op == Operator.CONCAT) {
            if (x instanceof String a && y instanceof String b) {
                return a + b;
            }
            throw new Unevaluable();
        }
        if (!(x instanceof Number a) || !(y instanceof Number b)) {
            throw new Unevaluable();
        }
        if (integral(a) && integral(b)) {
            try {
                long p = a.longValue();
                long q = b.longValue();
                return op == Operator.ADD ? Math.addExact(p, q) : op == Operator.SUB ? Math.subtractExact(p, q)
                        : Math.multiplyExact(p, q);
            } catch (ArithmeticException overflow) {
                throw new Unevaluable();
            }
        }
        if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
            double p = a.doubleValue();
            double q = b.doubleValue();
            return op == Operator.ADD ? p + q : op == Operator.SUB ? p - q : p * q;
        }
        BigDecimal p = new BigDecimal(a.toString());
        BigDecimal q = new BigDecimal(b.toString());
        return op == Operator.ADD ? p.add(q) : op == Operator.SUB ? p.subtract(q) : p.multiply(q);
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
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
