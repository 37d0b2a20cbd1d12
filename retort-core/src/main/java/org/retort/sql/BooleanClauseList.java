package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import org.retort.sql.internal.Coercions;
import org.retort.types.SqlType;

/**
 * Conditions joined by AND or OR (SQLAlchemy's {@code and_()} / {@code or_()}); nested lists of the same
 * operator are flattened, and mixed ones are parenthesized by precedence.
 *
 * @param operator {@link Operator#AND} or {@link Operator#OR}
 * @param clauses the conditions, at least one
 */
public record BooleanClauseList(Operator operator, List<Expression<?>> clauses) implements Expression<Boolean> {

    /**
     * Creates a list.
     *
     * @param operator AND or OR
     * @param clauses the conditions
     */
    public BooleanClauseList {
        clauses = List.copyOf(clauses);
    }

    @Override
    public SqlType<Boolean> type() {
        return Coercions.booleanType();
    }

    /**
     * {@code a AND b AND ...}.
     *
     * @param clauses conditions
     * @return the conjunction, or the single clause itself
     */
    public static Expression<Boolean> allOf(Expression<?>... clauses) {
        return of(Operator.AND, clauses);
    }

    /**
     * {@code a OR b OR ...}.
     *
     * @param clauses conditions
     * @return the disjunction, or the single clause itself
     */
    public static Expression<Boolean> anyOf(Expression<?>... clauses) {
        return of(Operator.OR, clauses);
    }

    @SuppressWarnings("unchecked")
    private static Expression<Boolean> of(Operator op, Expression<?>... clauses) {
        List<Expression<?>> flat = new ArrayList<>();
        for (Expression<?> c : clauses) {
            if (c instanceof BooleanClauseList l && l.operator.equals(op)) {
                flat.addAll(l.clauses);
            } else {
                flat.add(java.util.Objects.requireNonNull(c, "clause"));
            }
        }
        if (flat.size() == 1) {
            return (Expression<Boolean>) flat.get(0);
        }
        if (flat.isEmpty()) {
            throw new org.retort.exc.ArgumentException("and()/or() need at least one condition");
        }
        return new BooleanClauseList(op, flat);
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
