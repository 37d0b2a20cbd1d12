package org.retort.sql;

import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;
import org.retort.sql.internal.LiteralTypes;
import org.retort.types.SqlType;

/**
 * SQL functions, reached through {@link Sql#func} (SQLAlchemy's {@code func}): {@code func.count()},
 * {@code func.max(col)}, or any function by name with {@link #call(String, Object...)}. Arguments that are not
 * expressions become bind parameters.
 *
 * <pre>{@code
 * func.count()                         // count(*)
 * func.coalesce(users.c("name"), "?")  // coalesce(users.name, ?)
 * func.call("json_extract", doc, "$.a") // json_extract(doc, ?)
 * }</pre>
 */
public final class Func {

    Func() {
    }

    /**
     * Any function by name; the name is checked to be an identifier, never SQL text.
     *
     * @param name the function name, optionally package-qualified ({@code pkg.fn})
     * @param args expressions or values
     * @return the call
     */
    public FunctionCall<Object> call(String name, Object... args) {
        return typed(name, org.retort.types.NullType.INSTANCE, args);
    }

    /**
     * A function call with a known result type.
     *
     * @param name the function name
     * @param type the result type
     * @param args expressions or values
     * @param <T> the Java result type
     * @return the call
     */
    public <T> FunctionCall<T> typed(String name, SqlType<T> type, Object... args) {
        if (name == null || !isIdentifier(name)) {
            throw new ArgumentException("Function name '" + name + "' is not an identifier");
        }
        List<Expression<?>> a = new java.util.ArrayList<>();
        for (Object arg : args) {
            a.add(Coercions.expression(arg));
        }
        return new FunctionCall<>(name, a, type);
    }

    /** {@code name} or {@code pkg.name}: letters, digits, {@code _} and {@code $}, not starting with a digit. */
    private static boolean isIdentifier(String name) {
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' && !start && i < name.length() - 1) {
                start = true;
            } else if (Character.isLetter(c) || c == '_' || (!start && (Character.isDigit(c) || c == '$'))) {
                start = false;
            } else {
                return false;
            }
        }
        return !start;
    }

    @SuppressWarnings("unchecked")
    private static <T> SqlType<T> typeOf(Object arg) {
        return arg instanceof Expression<?> e ? (SqlType<T>) e.type() : (SqlType<T>) LiteralTypes.forValue(arg);
    }

    /** {@return {@code count(*)}} */
    public FunctionCall<Long> count() {
        return typed("count", LiteralTypes.longType());
    }

    /**
     * {@return {@code count(expr)}}
     *
     * @param expr the counted expression
     */
    public FunctionCall<Long> count(Object expr) {
        return typed("count", LiteralTypes.longType(), expr);
    }

    /**
     * {@return {@code sum(expr)}}
     *
     * @param expr the expression
     * @param <T> its type
     */
    public <T> FunctionCall<T> sum(Expression<T> expr) {
        return typed("sum", expr.type(), expr);
    }

    /**
     * {@return {@code avg(expr)}}
     *
     * @param expr the expression
     */
    public FunctionCall<Object> avg(Expression<?> expr) {
        return call("avg", expr);
    }

    /**
     * {@return {@code min(expr)}}
     *
     * @param expr the expression
     * @param <T> its type
     */
    public <T> FunctionCall<T> min(Expression<T> expr) {
        return typed("min", expr.type(), expr);
    }

    /**
     * {@return {@code max(expr)}}
     *
     * @param expr the expression
     * @param <T> its type
     */
    public <T> FunctionCall<T> max(Expression<T> expr) {
        return typed("max", expr.type(), expr);
    }

    /**
     * {@return {@code coalesce(args...)}}
     *
     * @param args expressions or values
     * @param <T> the type
     */
    public <T> FunctionCall<T> coalesce(Object... args) {
        return typed("coalesce", typeOf(args.length == 0 ? null : args[0]), args);
    }

    /**
     * {@code round(expr)}: to a whole number ({@code ROUND(x, 0)} on SQL Server).
     *
     * @param expr numeric expression
     * @param <T> type
     * @return the call, typed like {@code expr}
     */
    public <T> FunctionCall<T> round(Expression<T> expr) {
        return typed("round", expr.type(), expr);
    }

    /**
     * {@code round(expr, places)}; on PostgreSQL a floating-point {@code expr} is cast to NUMERIC first, since
     * PostgreSQL rounds to places only NUMERIC values.
     *
     * @param expr numeric expression
     * @param places decimal places (an int, bound, or an expression)
     * @param <T> type
     * @return the call, typed like {@code expr}
     */
    public <T> FunctionCall<T> round(Expression<T> expr, Object places) {
        return typed("round", expr.type(), expr, places);
    }

    /**
     * {@code nullif(a, b)}: NULL when the two are equal, else {@code a}.
     *
     * @param expr the value
     * @param other the value that makes the result NULL (expression or value, bound typed like {@code expr})
     * @param <T> type
     * @return the call, typed like {@code expr}
     */
    public <T> FunctionCall<T> nullif(Expression<T> expr, Object other) {
        return new FunctionCall<>("nullif", List.of(expr, Coercions.operand(expr, other)), expr.type());
    }

    /**
     * {@code substr(expr, start)}: the string from the 1-based {@code start} on ({@code SUBSTRING(x, s, 2147483647)}
     * on SQL Server).
     *
     * @param expr string expression
     * @param start 1-based start position (value or expression)
     * @return the call, typed like {@code expr}
     */
    public FunctionCall<String> substr(Expression<String> expr, Object start) {
        return typed("substr", expr.type(), expr, start);
    }

    /**
     * {@code substr(expr, start, length)} ({@code SUBSTRING} on SQL Server).
     *
     * @param expr string expression
     * @param start 1-based start position
     * @param length number of characters
     * @return the call, typed like {@code expr}
     */
    public FunctionCall<String> substr(Expression<String> expr, Object start, Object length) {
        return typed("substr", expr.type(), expr, start, length);
    }

    /**
     * {@code replace(expr, from, to)}: every occurrence of {@code from} replaced.
     *
     * @param expr string expression
     * @param from the text to replace
     * @param to its replacement
     * @return the call, typed like {@code expr}
     */
    public FunctionCall<String> replace(Expression<String> expr, Object from, Object to) {
        return typed("replace", expr.type(), expr, from, to);
    }

    /**
     * {@code trim(expr)}: leading and trailing spaces removed.
     *
     * @param expr string expression
     * @return the call, typed like {@code expr}
     */
    public FunctionCall<String> trim(Expression<String> expr) {
        return typed("trim", expr.type(), expr);
    }

    /**
     * The number of characters: {@code char_length(x)}; {@code length(x)} on SQLite, {@code LENGTH(x)} on
     * Oracle, {@code LEN(x)} on SQL Server (as SQLAlchemy's {@code func.char_length}).
     *
     * @param expr string expression
     * @return the call, an INTEGER
     */
    @SuppressWarnings("unchecked")
    public FunctionCall<Integer> charLength(Expression<?> expr) {
        return typed("char_length", (SqlType<Integer>) LiteralTypes.forClass(Integer.class), expr);
    }

    /** {@return the current timestamp: {@code now()} or {@code CURRENT_TIMESTAMP} per dialect} */
    public FunctionCall<Object> now() {
        return call("now");
    }

    /** {@return {@code CURRENT_TIMESTAMP}} */
    public FunctionCall<Object> currentTimestamp() {
        return call("current_timestamp");
    }

    /** {@return {@code CURRENT_DATE}} */
    public FunctionCall<Object> currentDate() {
        return call("current_date");
    }

    /**
     * {@return {@code lower(expr)}}
     *
     * @param expr string expression or value
     * @param <T> type
     */
    public <T> FunctionCall<T> lower(Expression<T> expr) {
        return typed("lower", expr.type(), expr);
    }

    /**
     * {@return {@code upper(expr)}}
     *
     * @param expr string expression
     * @param <T> type
     */
    public <T> FunctionCall<T> upper(Expression<T> expr) {
        return typed("upper", expr.type(), expr);
    }

    /**
     * {@return {@code length(expr)} ({@code LEN} on SQL Server)}
     *
     * @param expr string expression
     */
    public FunctionCall<Object> length(Expression<?> expr) {
        return call("length", expr);
    }

    /**
     * {@return {@code abs(expr)}}
     *
     * @param expr numeric expression
     * @param <T> type
     */
    public <T> FunctionCall<T> abs(Expression<T> expr) {
        return typed("abs", expr.type(), expr);
    }

    /** {@return {@code row_number()}, to use with {@code over()}} */
    public FunctionCall<Long> rowNumber() {
        return typed("row_number", LiteralTypes.longType());
    }

    /** {@return {@code rank()}} */
    public FunctionCall<Long> rank() {
        return typed("rank", LiteralTypes.longType());
    }

    /** {@return {@code dense_rank()}} */
    public FunctionCall<Long> denseRank() {
        return typed("dense_rank", LiteralTypes.longType());
    }

    /**
     * {@return {@code lag(expr)}}
     *
     * @param expr the expression
     * @param <T> type
     */
    public <T> FunctionCall<T> lag(Expression<T> expr) {
        return typed("lag", expr.type(), expr);
    }

    /**
     * {@return {@code percentile_cont(fraction)}, with withinGroup()}
     *
     * @param fraction the percentile, 0 to 1
     */
    public FunctionCall<Object> percentileCont(double fraction) {
        return call("percentile_cont", fraction);
    }
}
