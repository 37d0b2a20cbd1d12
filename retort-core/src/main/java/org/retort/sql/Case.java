package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * {@code CASE [value] WHEN ... THEN ... [ELSE ...] END}. Build one with {@link Sql#case_(Expression, Object)}
 * and chain {@link #when(Object, Object)} and {@link #otherwise(Object)}.
 *
 * @param value the expression compared in a "simple" CASE, or null for a searched CASE
 * @param whens the WHEN/THEN pairs
 * @param elseValue the ELSE result, or null
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record Case<T>(Expression<?> value, List<When> whens, Expression<?> elseValue, SqlType<T> type)
        implements Expression<T> {

    /**
     * One {@code WHEN condition THEN result}.
     *
     * @param condition the condition (or the compared value in a simple CASE)
     * @param result the result
     */
    public record When(Expression<?> condition, Expression<?> result) {
    }

    /**
     * Creates a CASE.
     *
     * @param value compared expression or null
     * @param whens the pairs
     * @param elseValue ELSE or null
     * @param type result type
     */
    public Case {
        whens = List.copyOf(whens);
    }

    /**
     * Adds a {@code WHEN condition THEN result}.
     *
     * @param condition a condition, or for a simple CASE the value compared
     * @param result the result, expression or value
     * @return the new CASE
     */
    public Case<T> when(Object condition, Object result) {
        List<When> w = new ArrayList<>(whens);
        Expression<?> cond = value == null ? Coercions.expression(condition) : Coercions.operand(value, condition);
        w.add(new When(cond, Coercions.expression(result)));
        return new Case<>(value, w, elseValue, type);
    }

    /**
     * Sets the ELSE result.
     *
     * @param result expression or value
     * @return the new CASE
     */
    public Case<T> otherwise(Object result) {
        return new Case<>(value, whens, Coercions.expression(result), type);
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
