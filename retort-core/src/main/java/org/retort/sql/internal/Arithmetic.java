package org.retort.sql.internal;

import org.retort.sql.BinaryExpression;
import org.retort.sql.BindParameter;
import org.retort.sql.Cast;
import org.retort.sql.Expression;
import org.retort.sql.Operator;
import org.retort.sql.SelectBase;
import org.retort.types.BigIntType;
import org.retort.types.DoubleType;
import org.retort.types.FloatType;
import org.retort.types.IntegerType;
import org.retort.types.NumericType;
import org.retort.types.SmallIntType;
import org.retort.types.SqlType;
import org.retort.types.TypeDecorator;
import org.retort.types.Types;

/**
 * The types of arithmetic, following SQLAlchemy 2.0's type affinity: a value meeting a number of another kind
 * keeps its own type (a {@code 60000.0} beside an INTEGER is bound as a DOUBLE, not refused as a non-whole
 * number), and the result's type comes from both operands: an integer meeting a decimal or floating-point
 * operand gives that operand's type, true division of two integers gives NUMERIC, floor division of two
 * integers stays an integer.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** The numeric kinds that decide result types; everything else is OTHER. */
    enum Kind { INTEGER, DECIMAL, FLOATING, OTHER }

    static Kind kind(SqlType<?> type) {
        return switch (type) {
            case IntegerType t -> Kind.INTEGER;
            case SmallIntType t -> Kind.INTEGER;
            case BigIntType t -> Kind.INTEGER;
            case NumericType t -> Kind.DECIMAL;
            case FloatType t -> Kind.FLOATING;
            case DoubleType t -> Kind.FLOATING;
            default -> Kind.OTHER;
        };
    }

    /**
     * Whether a type holds whole numbers only (INTEGER, SMALLINT, BIGINT, or a decorator over one).
     *
     * @param type the type
     * @return true for an integer type
     */
    public static boolean isInteger(SqlType<?> type) {
        SqlType<?> t = type instanceof TypeDecorator<?, ?> d ? d.impl() : type;
        return kind(t) == Kind.INTEGER;
    }

    /**
     * Whether an operator is arithmetic: {@code + - * / // %}.
     *
     * @param op the operator
     * @return true for arithmetic
     */
    public static boolean isArithmetic(Operator op) {
        return op.equals(Operator.ADD) || op.equals(Operator.SUB) || op.equals(Operator.MUL)
                || op.equals(Operator.DIV) || op.equals(Operator.FLOORDIV) || op.equals(Operator.MOD);
    }

    /**
     * The expression with each bound operand that is another kind of number than the other operand wrapped in
     * a CAST to its own type, for databases that would otherwise type the parameter after the other operand.
     *
     * @param b the arithmetic expression
     * @param <T> its Java type
     * @return the same expression, or one with casts
     */
    public static <T> BinaryExpression<T> castMixedBinds(BinaryExpression<T> b) {
        Expression<?> left = castIfMixed(b.left(), b.right());
        Expression<?> right = castIfMixed(b.right(), b.left());
        if (left == b.left() && right == b.right()) {
            return b;
        }
        return new BinaryExpression<>(left, b.operator(), right, b.type());
    }

    private static Expression<?> castIfMixed(Expression<?> e, Expression<?> other) {
        if (e instanceof BindParameter<?> p) {
            Kind k = kind(p.type());
            Kind o = kind(other.type());
            if (k != Kind.OTHER && o != Kind.OTHER && k != o && k != Kind.INTEGER) {
                return new Cast<>(p, p.type());
            }
        }
        return e;
    }

    /**
     * {@code left op other} for {@code + - * % / //}, with SQLAlchemy's operand and result types.
     *
     * @param left the left operand
     * @param op the operator
     * @param other an expression, a query (scalar subquery) or a value (bound)
     * @param <T> the Java type the caller states for the result
     * @return the expression
     */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> binary(Expression<?> left, Operator op, Object other) {
        Expression<?> right = operand(left, other);
        return new BinaryExpression<>(left, op, right, (SqlType<T>) resultType(op, left.type(), right.type()));
    }

    /** A value keeps its own type when it is a number of another kind than the left side's. */
    private static Expression<?> operand(Expression<?> left, Object value) {
        if (value instanceof Expression<?> || value instanceof SelectBase || value == null) {
            return Coercions.operand(left, value);
        }
        SqlType<?> own = LiteralTypes.forValue(value);
        Kind ownKind = kind(own);
        Kind leftKind = kind(left.type());
        if (ownKind != Kind.OTHER && leftKind != Kind.OTHER && ownKind != leftKind) {
            return new BindParameter<>(Coercions.baseName(left), value, own, false, true, true);
        }
        return Coercions.bindFor(left, value);
    }

    /**
     * The result type of {@code left op right}.
     *
     * @param op the operator
     * @param left the left type
     * @param right the right type
     * @return the result type
     */
    public static SqlType<?> resultType(Operator op, SqlType<?> left, SqlType<?> right) {
        Kind l = kind(left);
        Kind r = kind(right);
        if (op.equals(Operator.DIV) && l == Kind.INTEGER && (r == Kind.INTEGER || r == Kind.OTHER)) {
            return Types.NUMERIC;
        }
        if (l == Kind.INTEGER && (r == Kind.DECIMAL || r == Kind.FLOATING)) {
            return right;
        }
        if (l == Kind.OTHER && r != Kind.OTHER && left.javaType() == Object.class) {
            return right;
        }
        return left;
    }
}
