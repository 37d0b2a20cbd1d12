package org.retort.orm;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * One row of an ORM query: entities and column values in select order ({@code select(User.class, Address_.email)}
 * gives {@code [User, String]}). An entity of an outer join with no matching row is null.
 */
public final class OrmRow extends AbstractList<Object> {
    private final Object[] values;

    /**
     * A row of values in select order.
     *
     * @param values the values (kept, not copied)
     */
    public OrmRow(Object[] values) {
        this.values = values;
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    /**
     * A value, cast to a class.
     *
     * @param index the position in the select list
     * @param type the expected class
     * @param <T> the class
     * @return the value
     */
    public <T> T get(int index, Class<T> type) {
        return type.cast(values[index]);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrmRow r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
