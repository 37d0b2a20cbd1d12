package org.retort.sql;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.retort.sql.internal.JoinConditions;

/**
 * {@code left [LEFT OUTER|FULL OUTER] JOIN right ON condition}. Without an explicit condition the ON clause is
 * inferred from the single foreign key between the two sides ({@link TableClause#foreignKeyPairs()}).
 *
 * @param left the left side
 * @param right the right side
 * @param on the condition
 * @param type the join type
 */
public record Join(FromClause left, FromClause right, Expression<?> on, Type type) implements FromClause {

    /** The kind of join. */
    public enum Type {
        /** {@code JOIN}. */
        INNER,
        /** {@code LEFT OUTER JOIN}. */
        LEFT,
        /** {@code FULL OUTER JOIN}. */
        FULL
    }

    /**
     * Creates a join.
     *
     * @param left left side
     * @param right right side
     * @param on the condition
     * @param type join type
     */
    public Join {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(type, "type");
    }

    static Join of(FromClause left, FromClause right, Expression<?> on, Type type) {
        return new Join(left, right, on != null ? on : JoinConditions.infer(left, right), type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Expression<Object> c(String name) {
        for (Expression<?> e : columns()) {
            if (name.equals(e.naturalName())) {
                return (Expression<Object>) e;
            }
        }
        throw new org.retort.exc.ArgumentException("Join has no column '" + name + "'");
    }

    @Override
    public List<? extends Expression<?>> columns() {
        return Stream.concat(left.columns().stream(), right.columns().stream()).toList();
    }

    @Override
    public String toString() {
        return left + " " + type + " JOIN " + right;
    }
}
