package org.retort.sql;

import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;
import org.retort.sql.internal.LiteralTypes;
import org.retort.types.ArrayType;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * Array operators (SQLAlchemy's PostgreSQL {@code ARRAY} comparator): element and slice access and the
 * containment and overlap tests. PostgreSQL renders them all; H2 has element access; other databases have no
 * arrays and refuse them at compile time. Indexes are 1-based, as in SQL.
 *
 * <pre>{@code
 * SqlArray.get(tags, 1)                    // tags[?]
 * SqlArray.contains(tags, List.of("a"))    // tags @> ?
 * }</pre>
 */
public final class SqlArray {
    private SqlArray() {
    }

    /**
     * {@code array[index]}, 1-based.
     *
     * @param array the array expression
     * @param index the index (value or expression)
     * @param <T> the element type
     * @return the element, typed as the array's items
     */
    public static <T> Expression<T> get(Expression<List<T>> array, Object index) {
        return new BinaryExpression<>(array, Operator.ARRAY_INDEX, Coercions.literal("index", index), itemType(array));
    }

    /**
     * {@code array[from:to]}, 1-based and inclusive (PostgreSQL).
     *
     * @param array the array expression
     * @param from the first index
     * @param to the last index
     * @param <T> the element type
     * @return the slice, typed as the array
     */
    public static <T> Expression<List<T>> slice(Expression<List<T>> array, Object from, Object to) {
        Tuple bounds = new Tuple(List.of(Coercions.literal("index", from), Coercions.literal("index", to)));
        return new BinaryExpression<>(array, Operator.ARRAY_SLICE, bounds, array.type());
    }

    /**
     * {@code array @> other}: the array holds every element of the other.
     *
     * @param array the array expression
     * @param other an array expression, or a list bound with the array's type
     * @return the test
     */
    public static Expression<Boolean> contains(Expression<?> array, Object other) {
        return new BinaryExpression<>(array, Operator.CONTAINS, Coercions.operand(array, other), LiteralTypes.booleanType());
    }

    /**
     * {@code array <@ other}: every element of the array is in the other.
     *
     * @param array the array expression
     * @param other an array expression or list
     * @return the test
     */
    public static Expression<Boolean> containedBy(Expression<?> array, Object other) {
        return new BinaryExpression<>(array, Operator.CONTAINED_BY, Coercions.operand(array, other),
                LiteralTypes.booleanType());
    }

    /**
     * {@code array && other}: the arrays share an element.
     *
     * @param array the array expression
     * @param other an array expression or list
     * @return the test
     */
    public static Expression<Boolean> overlap(Expression<?> array, Object other) {
        return new BinaryExpression<>(array, Operator.OVERLAP, Coercions.operand(array, other), LiteralTypes.booleanType());
    }

    @SuppressWarnings("unchecked")
    private static <T> SqlType<T> itemType(Expression<List<T>> array) {
        SqlType<?> t = array.type();
        if (t instanceof ArrayType<?> a) {
            return (SqlType<T>) a.itemType();
        }
        if (t instanceof NullType) {
            return (SqlType<T>) t;
        }
        throw new ArgumentException("SqlArray.get() needs an ARRAY expression, got " + array + " of type " + t.name());
    }
}
