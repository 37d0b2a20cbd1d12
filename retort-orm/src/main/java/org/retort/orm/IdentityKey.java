package org.retort.orm;

import java.util.Arrays;
import java.util.List;

/**
 * The identity of a persistent object in a session: its mapped class and primary key values (SQLAlchemy's
 * identity key). Integer key values are normalized to {@code Long}, so {@code 5} and {@code 5L} are one key.
 *
 * @param entityClass the mapped class
 * @param values the primary key values, in key column order
 */
public record IdentityKey(Class<?> entityClass, List<Object> values) {

    static IdentityKey of(Mapper<?> mapper, Object[] raw) {
        Object[] v = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            Object x = raw[i];
            if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
                x = ((Number) x).longValue();
            }
            v[i] = x;
        }
        return new IdentityKey(mapper.entityClass(), java.util.Collections.unmodifiableList(Arrays.asList(v)));
    }

    /** @return true when some key value is null (the object has no complete identity yet) */
    public boolean isPartial() {
        return values.contains(null);
    }

    @Override
    public String toString() {
        return entityClass.getSimpleName() + values;
    }
}
