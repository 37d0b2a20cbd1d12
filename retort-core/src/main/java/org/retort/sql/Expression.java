package org.retort.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.retort.sql.internal.Arithmetic;
import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * A SQL expression of Java type {@code T}: a column, a bind parameter, an operator applied to other expressions,
 * a function call... (SQLAlchemy's {@code ColumnElement}). Expressions are immutable values; every operator
 * method returns a new expression and turns plain Java values into bind parameters, never into SQL text.
 *
 * <pre>{@code
 * users.c("name").like("s%").and(users.c("id").gt(5))   // users.name LIKE :name_1 AND users.id > :id_1
 * }</pre>
 *
 * @param <T> the Java type of the expression's values
 */
public sealed interface Expression<T> extends OrderByElement
        permits ColumnClause, DerivedColumn, BindParameter, Constant, BinaryExpression, UnaryExpression,
        BooleanClauseList, Like, Between, InExpression, Case, Cast, TypeCoerce, FunctionCall, FunctionFilter,
        WithinGroup, Over, Label, ScalarSelect, Exists, Tuple, LiteralColumn, Excluded, Collate, AnyAll, Grouping, Extract, SequenceNextValue, JsonElement {

    /** {@return the expression's SQL type, which binds its values and reads its results} */
    SqlType<T> type();

    /**
     * The name a result column of this expression gets when it is selected without a label, or null when it
     * gets an anonymous one.
     *
     * @return the natural name, or null
     */
    default String naturalName() {
        return null;
    }

    /**
     * This expression seen as untyped, so its comparisons take a value of any class, checked when the
     * statement is built rather than by javac: for framework code that holds a {@code Column<?>} and a value it
     * read elsewhere ({@code col.untyped().eq(value)}). The SQL is the same expression; nothing is converted.
     *
     * @return this expression, as {@code Expression<Object>}
     */
    @SuppressWarnings("unchecked")
    default Expression<Object> untyped() {
        return (Expression<Object>) (Expression<?>) this;
    }

    // ------------------------------------------------------------------ comparison
    //
    // Each comparison takes a value of this expression's Java type or another expression (a query as
    // select(...).scalarSubquery()), so a value of the wrong type is a compile error (as in jOOQ): a Column<String>
    // has eq(String), not eq(Integer). An untyped expression (Expression<Object>, from table.c("name") or
    // func.call) takes any value, checked when the statement is built; so does untyped() of a typed one.

    /**
     * {@code this = value}; a null value renders {@code this IS NULL}, as in SQLAlchemy. On a typed expression a
     * bare {@code eq(null)} matches both overloads: write {@code isNull()}.
     *
     * @param value a value of this expression's type, bound as a parameter
     * @return the comparison
     */
    default Expression<Boolean> eq(T value) {
        return value == null ? isNull() : Coercions.compare(this, Operator.EQ, value);
    }

    /**
     * {@code this = other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default Expression<Boolean> eq(Expression<?> other) {
        return other == null ? isNull() : Coercions.compare(this, Operator.EQ, other);
    }

    /**
     * {@code this <> value}; a null value renders {@code this IS NOT NULL}.
     *
     * @param value a value of this expression's type
     * @return the comparison
     */
    default Expression<Boolean> ne(T value) {
        return value == null ? isNotNull() : Coercions.compare(this, Operator.NE, value);
    }

    /**
     * {@code this <> other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default Expression<Boolean> ne(Expression<?> other) {
        return other == null ? isNotNull() : Coercions.compare(this, Operator.NE, other);
    }

    /**
     * {@return {@code this < value}}
     *
     * @param value a value of this expression's type
     */
    default Expression<Boolean> lt(T value) {
        return Coercions.compare(this, Operator.LT, value);
    }

    /**
     * {@return {@code this < other}}
     *
     * @param other another expression
     */
    default Expression<Boolean> lt(Expression<?> other) {
        return Coercions.compare(this, Operator.LT, other);
    }

    /**
     * {@return {@code this <= value}}
     *
     * @param value a value of this expression's type
     */
    default Expression<Boolean> le(T value) {
        return Coercions.compare(this, Operator.LE, value);
    }

    /**
     * {@return {@code this <= other}}
     *
     * @param other another expression
     */
    default Expression<Boolean> le(Expression<?> other) {
        return Coercions.compare(this, Operator.LE, other);
    }

    /**
     * {@return {@code this > value}}
     *
     * @param value a value of this expression's type
     */
    default Expression<Boolean> gt(T value) {
        return Coercions.compare(this, Operator.GT, value);
    }

    /**
     * {@return {@code this > other}}
     *
     * @param other another expression
     */
    default Expression<Boolean> gt(Expression<?> other) {
        return Coercions.compare(this, Operator.GT, other);
    }

    /**
     * {@return {@code this >= value}}
     *
     * @param value a value of this expression's type
     */
    default Expression<Boolean> ge(T value) {
        return Coercions.compare(this, Operator.GE, value);
    }

    /**
     * {@return {@code this >= other}}
     *
     * @param other another expression
     */
    default Expression<Boolean> ge(Expression<?> other) {
        return Coercions.compare(this, Operator.GE, other);
    }

    /** {@return {@code this IS NULL}} */
    default Expression<Boolean> isNull() {
        return new UnaryExpression<>(UnaryExpression.Kind.IS_NULL, this, Coercions.booleanType());
    }

    /** {@return {@code this IS NOT NULL}} */
    default Expression<Boolean> isNotNull() {
        return new UnaryExpression<>(UnaryExpression.Kind.IS_NOT_NULL, this, Coercions.booleanType());
    }

    /**
     * {@code this IS DISTINCT FROM value}: NULL-safe inequality (emulated on databases without it).
     *
     * @param value a value of this expression's type
     * @return the comparison
     */
    default Expression<Boolean> isDistinctFrom(T value) {
        return Coercions.compare(this, Operator.IS_DISTINCT_FROM, value);
    }

    /**
     * {@code this IS DISTINCT FROM other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default Expression<Boolean> isDistinctFrom(Expression<?> other) {
        return Coercions.compare(this, Operator.IS_DISTINCT_FROM, other);
    }

    /**
     * {@return {@code this IS NOT DISTINCT FROM value}, NULL-safe equality}
     *
     * @param value a value of this expression's type
     */
    default Expression<Boolean> isNotDistinctFrom(T value) {
        return Coercions.compare(this, Operator.IS_NOT_DISTINCT_FROM, value);
    }

    /**
     * {@return {@code this IS NOT DISTINCT FROM other}}
     *
     * @param other another expression
     */
    default Expression<Boolean> isNotDistinctFrom(Expression<?> other) {
        return Coercions.compare(this, Operator.IS_NOT_DISTINCT_FROM, other);
    }

    /**
     * {@code this BETWEEN lower AND upper}.
     *
     * @param lower the lower bound, a value of this expression's type
     * @param upper the upper bound
     * @return the test
     */
    default Expression<Boolean> between(T lower, T upper) {
        return new Between(this, Coercions.operand(this, lower), Coercions.operand(this, upper), false);
    }

    /**
     * {@code this BETWEEN lower AND upper} with expression bounds.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @return the test
     */
    default Expression<Boolean> between(Expression<?> lower, Expression<?> upper) {
        return new Between(this, lower, upper, false);
    }

    /**
     * {@return {@code this NOT BETWEEN lower AND upper}}
     *
     * @param lower lower bound
     * @param upper upper bound
     */
    default Expression<Boolean> notBetween(T lower, T upper) {
        return new Between(this, Coercions.operand(this, lower), Coercions.operand(this, upper), true);
    }

    /**
     * {@return {@code this NOT BETWEEN lower AND upper} with expression bounds}
     *
     * @param lower lower bound @param upper upper bound
     */
    default Expression<Boolean> notBetween(Expression<?> lower, Expression<?> upper) {
        return new Between(this, lower, upper, true);
    }

    // ------------------------------------------------------------------ IN

    /**
     * {@code this IN (...)} over a list of values of this expression's type, bound as one expanding parameter so
     * that the compiled SQL is cached whatever the list's length; an empty list renders the dialect's
     * always-false empty set.
     *
     * @param values the values
     * @return the test
     */
    default Expression<Boolean> in(Collection<? extends T> values) {
        return Coercions.in(this, values, false);
    }

    /**
     * {@return {@code this IN (...)}}
     *
     * @param values the values, of this expression's type
     */
    @SuppressWarnings({"unchecked", "varargs"})
    default Expression<Boolean> in(T... values) {
        return Coercions.in(this, java.util.Arrays.asList(values), false);
    }

    /**
     * {@return {@code this IN (a, b, ...)} over expressions, rendered as a list (not one expanding parameter)}
     *
     * @param items the expressions
     */
    default Expression<Boolean> in(Expression<?>... items) {
        return Coercions.in(this, java.util.Arrays.asList(items), false);
    }

    /**
     * {@return {@code this IN (SELECT ...)}}
     *
     * @param subquery a one-column SELECT
     */
    default Expression<Boolean> in(SelectBase subquery) {
        return new InExpression(this, new ScalarSelect<>(subquery, type()), false);
    }

    /**
     * {@return {@code this NOT IN (...)}}
     *
     * @param values the values, of this expression's type
     */
    default Expression<Boolean> notIn(Collection<? extends T> values) {
        return Coercions.in(this, values, true);
    }

    /**
     * {@return {@code this NOT IN (...)}}
     *
     * @param values the values, of this expression's type
     */
    @SuppressWarnings({"unchecked", "varargs"})
    default Expression<Boolean> notIn(T... values) {
        return Coercions.in(this, java.util.Arrays.asList(values), true);
    }

    /**
     * {@return {@code this NOT IN (a, b, ...)} over expressions}
     *
     * @param items the expressions
     */
    default Expression<Boolean> notIn(Expression<?>... items) {
        return Coercions.in(this, java.util.Arrays.asList(items), true);
    }

    /**
     * {@return {@code this NOT IN (SELECT ...)}}
     *
     * @param subquery a one-column SELECT
     */
    default Expression<Boolean> notIn(SelectBase subquery) {
        return new InExpression(this, new ScalarSelect<>(subquery, type()), true);
    }

    // ------------------------------------------------------------------ strings

    /**
     * {@return {@code this LIKE pattern}}
     *
     * @param pattern the LIKE pattern
     */
    default Expression<Boolean> like(Object pattern) {
        return new Like(this, Coercions.operand(this, pattern), null, false, false);
    }

    /**
     * {@code this LIKE pattern ESCAPE 'c'}.
     *
     * @param pattern the pattern
     * @param escape the escape character
     * @return the test
     */
    default Expression<Boolean> like(Object pattern, char escape) {
        return new Like(this, Coercions.operand(this, pattern), escape, false, false);
    }

    /**
     * {@return {@code this NOT LIKE pattern}}
     *
     * @param pattern the pattern
     */
    default Expression<Boolean> notLike(Object pattern) {
        return new Like(this, Coercions.operand(this, pattern), null, true, false);
    }

    /**
     * {@return {@code this NOT LIKE pattern ESCAPE 'c'}}
     *
     * @param pattern the pattern
     * @param escape the escape character
     */
    default Expression<Boolean> notLike(Object pattern, char escape) {
        return new Like(this, Coercions.operand(this, pattern), escape, true, false);
    }

    /**
     * {@return case-insensitive LIKE: {@code ILIKE}, or {@code lower(a) LIKE lower(b)}}
     *
     * @param pattern the pattern
     */
    default Expression<Boolean> ilike(Object pattern) {
        return new Like(this, Coercions.operand(this, pattern), null, false, true);
    }

    /**
     * {@return case-insensitive NOT LIKE}
     *
     * @param pattern the pattern
     */
    default Expression<Boolean> notIlike(Object pattern) {
        return new Like(this, Coercions.operand(this, pattern), null, true, true);
    }

    /**
     * {@code this LIKE 'prefix%' ESCAPE '/'}; {@code %}, {@code _} and {@code /} in the prefix are escaped
     * (SQLAlchemy's {@code startswith(autoescape=True)}).
     *
     * @param prefix the literal prefix
     * @return the test
     */
    default Expression<Boolean> startsWith(String prefix) {
        return new Like(this, Coercions.bindFor(this, Coercions.escapeLike(prefix) + "%"), '/', false, false);
    }

    /**
     * {@return {@code this LIKE '%suffix' ESCAPE '/'}, wildcards escaped}
     *
     * @param suffix the literal suffix
     */
    default Expression<Boolean> endsWith(String suffix) {
        return new Like(this, Coercions.bindFor(this, "%" + Coercions.escapeLike(suffix)), '/', false, false);
    }

    /**
     * {@return {@code this LIKE '%infix%' ESCAPE '/'}, wildcards escaped}
     *
     * @param infix the literal text
     */
    default Expression<Boolean> contains(String infix) {
        return new Like(this, Coercions.bindFor(this, "%" + Coercions.escapeLike(infix) + "%"), '/', false, false);
    }

    /**
     * Regular-expression match: {@code ~} on PostgreSQL, {@code REGEXP} on MySQL, {@code REGEXP_LIKE} on
     * Oracle and H2; SQLite and SQL Server refuse to compile it.
     *
     * @param pattern the regular expression
     * @return the test
     */
    default Expression<Boolean> regexpMatch(Object pattern) {
        return Coercions.compare(this, Operator.REGEXP, pattern);
    }

    /**
     * {@return string concatenation, {@code ||} or the dialect's form}
     *
     * @param other string expression or value
     */
    default Expression<T> concat(Object other) {
        return Coercions.binary(this, Operator.CONCAT, other);
    }

    /**
     * {@return {@code this COLLATE collation}}
     *
     * @param collation the collation name
     */
    default Expression<T> collate(String collation) {
        return new Collate<>(this, Objects.requireNonNull(collation, "collation"));
    }

    // ------------------------------------------------------------------ arithmetic and bitwise

    /**
     * {@code this + other}. The result's SQL type comes from both operands, as in SQLAlchemy: an integer meeting
     * a decimal or floating-point operand gives that operand's type (a plain value such as {@code 0.5} is bound
     * with its own type, not the column's), so its values are then of that wider Java class.
     *
     * @param other expression or value
     * @return the sum
     */
    default Expression<T> plus(Object other) {
        return Arithmetic.binary(this, Operator.ADD, other);
    }

    /**
     * {@code this - other}, typed from both operands as {@link #plus} is.
     *
     * @param other expression or value
     * @return the difference
     */
    default Expression<T> minus(Object other) {
        return Arithmetic.binary(this, Operator.SUB, other);
    }

    /**
     * {@code this * other}, typed from both operands as {@link #plus} is.
     *
     * @param other expression or value
     * @return the product
     */
    default Expression<T> times(Object other) {
        return Arithmetic.binary(this, Operator.MUL, other);
    }

    /**
     * True division, {@code this / other}, on every database (SQLAlchemy's {@code truediv}): between two
     * integers the result is NUMERIC and the divisor is cast ({@code a / CAST(b AS NUMERIC)}, on SQLite
     * {@code a / (b + 0.0)}) where the database would otherwise discard the fraction; MySQL and Oracle divide
     * exactly already. Use {@link #floorDiv} for integer division.
     *
     * <pre>{@code
     * func.sum(minutes).div(60)      // PostgreSQL: sum(t.minutes) / CAST(? AS NUMERIC) -> 40.01, not 40
     * }</pre>
     *
     * @param other expression or value
     * @return the quotient, whose type comes from both operands (NUMERIC for two integers)
     */
    default Expression<?> div(Object other) {
        return Arithmetic.binary(this, Operator.DIV, other);
    }

    /**
     * Floor division, {@code this // other} (SQLAlchemy's {@code floordiv}): {@code a / b} between integers on
     * databases whose integer division discards the fraction (PostgreSQL, SQLite, H2, SQL Server),
     * {@code a DIV b} on MySQL/MariaDB, {@code FLOOR(a / b)} otherwise. Like SQLAlchemy, integer division rounds
     * toward zero there, so a negative quotient is rounded up, not down.
     *
     * @param other expression or value
     * @return the quotient, typed like this expression between integers
     */
    default Expression<T> floorDiv(Object other) {
        return Arithmetic.binary(this, Operator.FLOORDIV, other);
    }

    /**
     * {@code this % other}, typed from both operands as {@link #plus} is.
     *
     * @param other expression or value
     * @return the remainder
     */
    default Expression<T> mod(Object other) {
        return Arithmetic.binary(this, Operator.MOD, other);
    }

    /** {@return {@code -this}} */
    default Expression<T> neg() {
        return new UnaryExpression<>(UnaryExpression.Kind.NEG, this, type());
    }

    /**
     * {@return {@code this & other}}
     *
     * @param other expression or value
     */
    default Expression<T> bitwiseAnd(Object other) {
        return Coercions.binary(this, Operator.BIT_AND, other);
    }

    /**
     * {@return {@code this | other}}
     *
     * @param other expression or value
     */
    default Expression<T> bitwiseOr(Object other) {
        return Coercions.binary(this, Operator.BIT_OR, other);
    }

    /**
     * {@return bitwise exclusive or ({@code #} on PostgreSQL, {@code ^} elsewhere)}
     *
     * @param other expression or value
     */
    default Expression<T> bitwiseXor(Object other) {
        return Coercions.binary(this, Operator.BIT_XOR, other);
    }

    /**
     * {@return {@code this << other}}
     *
     * @param other expression or value
     */
    default Expression<T> bitwiseLshift(Object other) {
        return Coercions.binary(this, Operator.BIT_LSHIFT, other);
    }

    /**
     * {@return {@code this >> other}}
     *
     * @param other expression or value
     */
    default Expression<T> bitwiseRshift(Object other) {
        return Coercions.binary(this, Operator.BIT_RSHIFT, other);
    }

    /** {@return {@code ~this}} */
    default Expression<T> bitwiseNot() {
        return new UnaryExpression<>(UnaryExpression.Kind.BIT_NOT, this, type());
    }

    /**
     * A custom binary operator, for operators Retort has no method for (SQLAlchemy's {@code op()}).
     *
     * @param operator the operator's SQL text, written by the programmer, never user input
     * @param other expression or value
     * @return the expression
     */
    default Expression<T> op(String operator, Object other) {
        return new BinaryExpression<>(this, Operator.custom(operator), Coercions.operand(this, other), type());
    }

    // ------------------------------------------------------------------ boolean

    /**
     * {@code this AND others...}, flattened and parenthesized by precedence.
     *
     * @param others more conditions
     * @return the conjunction
     */
    @SuppressWarnings("unchecked")
    default Expression<Boolean> and(Expression<?>... others) {
        List<Expression<?>> all = new ArrayList<>();
        all.add(this);
        all.addAll(List.of(others));
        return BooleanClauseList.allOf(all.toArray(Expression[]::new));
    }

    /**
     * {@return {@code this OR others...}}
     *
     * @param others more conditions
     */
    @SuppressWarnings("unchecked")
    default Expression<Boolean> or(Expression<?>... others) {
        List<Expression<?>> all = new ArrayList<>();
        all.add(this);
        all.addAll(List.of(others));
        return BooleanClauseList.anyOf(all.toArray(Expression[]::new));
    }

    /** {@return {@code NOT this}, simplified for IN, LIKE, BETWEEN and IS NULL} */
    default Expression<Boolean> not() {
        return Coercions.negate(this);
    }

    // ------------------------------------------------------------------ naming, ordering, typing

    /**
     * Names the expression in a SELECT list ({@code expr AS name}); rows then address it by that name.
     *
     * @param name the label
     * @return the labelled expression
     */
    default Label<T> label(String name) {
        return new Label<>(Objects.requireNonNull(name, "name"), this);
    }

    /** {@return this expression ascending, for ORDER BY} */
    default OrderBy asc() {
        return new OrderBy(this, false, OrderBy.Nulls.DEFAULT);
    }

    /** {@return this expression descending, for ORDER BY} */
    default OrderBy desc() {
        return new OrderBy(this, true, OrderBy.Nulls.DEFAULT);
    }

    /** {@return {@code DISTINCT this}, as inside {@code count(DISTINCT x)}} */
    default Expression<T> distinct() {
        return new UnaryExpression<>(UnaryExpression.Kind.DISTINCT, this, type());
    }

    /**
     * {@code CAST(this AS type)}.
     *
     * @param target the type to cast to
     * @param <R> its Java type
     * @return the cast
     */
    default <R> Expression<R> cast(SqlType<R> target) {
        return new Cast<>(this, target);
    }

    /**
     * Treats this expression as another type on the Java side without any CAST in SQL (SQLAlchemy's
     * {@code type_coerce}).
     *
     * @param target the type
     * @param <R> its Java type
     * @return the same SQL, read with the new type
     */
    default <R> Expression<R> typeCoerce(SqlType<R> target) {
        return new TypeCoerce<>(this, target);
    }
}
