package org.retort.sql;

import java.util.List;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * A parenthesized list {@code (a, b, c)}: a row value for tuple comparisons ({@code (a, b) = (1, 2)},
 * {@code (a, b) IN ((1, 2), (3, 4))}) and the item list of IN.
 *
 * @param elements the elements
 */
public record Tuple(List<Expression<?>> elements) implements Expression<Object> {

    /**
     * Creates a tuple.
     *
     * @param elements the elements
     */
    public Tuple {
        elements = List.copyOf(elements);
    }

    @Override
    public SqlType<Object> type() {
        return NullType.INSTANCE;
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
