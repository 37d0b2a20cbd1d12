package org.retort.orm;

import java.util.Arrays;
import java.util.List;

/**
 * The identity of a persistent object in a session: its mapper and primary key values (SQLAlchemy's identity key).
 * Numeric key values are normalized, so {@code 5}, {@code 5L} and a driver's {@code BigInteger 5} are one key.
 *
 * @param mapper the mapper
 * @param values the primary key values, in key column order
 */
public record IdentityKey(Mapper<?> mapper, List<Object> values) {

    static IdentityKey of(Mapper<?> mapper, Object[] raw) {
        Object[] v = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            Object x = raw[i];
            if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
                x = ((Number) x).longValue();
            }
            v[i] = x;
        }
        return new IdentityKey(mapper, java.util.Collections.unmodifiableList(Arrays.asList(v)));
    }

    /** @return true when some key value is null (the object has no complete identity yet) */
    public boolean isPartial() {
        return values.contains(null);
    }

    @Override
    public String toString() {
        return mapper.entityClass().getSimpleName() + values;
    }
}
