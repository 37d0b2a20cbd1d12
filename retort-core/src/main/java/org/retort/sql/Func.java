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

    /** @return {@code count(*)} */
    public FunctionCall<Long> count() {
        return typed("count", LiteralTypes.longType());
    }

    /** @param expr the counted expression @return {@code count(expr)} */
    public FunctionCall<Long> count(Object expr) {
        return typed("count", LiteralTypes.longType(), expr);
    }

    /** @param expr the expression @param <T> its type @return {@code sum(expr)} */
    public <T> FunctionCall<T> sum(Expression<T> expr) {
        return typed("sum", expr.type(), expr);
    }

    /** @param expr the expression @return {@code avg(expr)} */
    public FunctionCall<Object> avg(Expression<?> expr) {
        return call("avg", expr);
    }

    /** @param expr the expression @param <T> its type @return {@code min(expr)} */
    public <T> FunctionCall<T> min(Expression<T> expr) {
        return typed("min", expr.type(), expr);
    }

    /** @param expr the expression @param <T> its type @return {@code max(expr)} */
    public <T> FunctionCall<T> max(Expression<T> expr) {
        return typed("max", expr.type(), expr);
    }

    /** @param args expressions or values @param <T> the type @return {@code coalesce(args...)} */
    public <T> FunctionCall<T> coalesce(Object... args) {
        return typed("coalesce", typeOf(args.length == 0 ? null : args[0]), args);
    }

    /** @return the current timestamp: {@code now()} or {@code CURRENT_TIMESTAMP} per dialect */
    public FunctionCall<Object> now() {
        return call("now");
    }

    /** @return {@code CURRENT_TIMESTAMP} */
    public FunctionCall<Object> currentTimestamp() {
        return call("current_timestamp");
    }

    /** @return {@code CURRENT_DATE} */
    public FunctionCall<Object> currentDate() {
        return call("current_date");
    }

    /** @param expr string expression or value @param <T> type @return {@code lower(expr)} */
    public <T> FunctionCall<T> lower(Expression<T> expr) {
        return typed("lower", expr.type(), expr);
    }

    /** @param expr string expression @param <T> type @return {@code upper(expr)} */
    public <T> FunctionCall<T> upper(Expression<T> expr) {
        return typed("upper", expr.type(), expr);
    }

    /** @param expr string expression @return {@code length(expr)} ({@code LEN} on SQL Server) */
    public FunctionCall<Object> length(Expression<?> expr) {
        return call("length", expr);
    }

    /** @param expr numeric expression @param <T> type @return {@code abs(expr)} */
    public <T> FunctionCall<T> abs(Expression<T> expr) {
        return typed("abs", expr.type(), expr);
    }

    /** @return {@code row_number()}, to use with {@code over()} */
    public FunctionCall<Long> rowNumber() {
        return typed("row_number", LiteralTypes.longType());
    }

    /** @return {@code rank()} */
    public FunctionCall<Long> rank() {
        return typed("rank", LiteralTypes.longType());
    }

    /** @return {@code dense_rank()} */
    public FunctionCall<Long> denseRank() {
        return typed("dense_rank", LiteralTypes.longType());
    }

    /** @param expr the expression @param <T> type @return {@code lag(expr)} */
    public <T> FunctionCall<T> lag(Expression<T> expr) {
        return typed("lag", expr.type(), expr);
    }

    /** @param fraction the percentile, 0 to 1 @return {@code percentile_cont(fraction)}, with withinGroup() */
    public FunctionCall<Object> percentileCont(double fraction) {
        return call("percentile_cont", fraction);
    }
}
