package org.retort.orm;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a persistent object in a session: its mapped class and primary key values (SQLAlchemy's
 * identity key). Integer key values are normalized to {@code Long}, so {@code 5} and {@code 5L} are one key.
 *
 * <p>Immutable; the hash is computed once, since every load and {@code get} looks a key up in the identity map.
 */
public final class IdentityKey {
    private final Class<?> entityClass;
    private final Object[] values;
    private final int hash;

    /**
     * Creates a key.
     *
     * @param entityClass the mapped class
     * @param values the primary key values, in key column order
     */
    public IdentityKey(Class<?> entityClass, List<Object> values) {
        this(entityClass, values.toArray());
    }

    private IdentityKey(Class<?> entityClass, Object[] values) {
        this.entityClass = Objects.requireNonNull(entityClass, "entityClass");
        this.values = values;
        this.hash = 31 * entityClass.hashCode() + Arrays.hashCode(values);
    }

    /** A key of a mapper's class; takes ownership of {@code raw}, whose integer values it normalizes in place. */
    static IdentityKey of(Mapper<?> mapper, Object[] raw) {
        for (int i = 0; i < raw.length; i++) {
            Object x = raw[i];
            if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
                raw[i] = ((Number) x).longValue();
            }
        }
        return new IdentityKey(mapper.entityClass(), raw);
    }

    /** {@return the key as one {@code long} when it is a single integer value, else null} */
    Long singleLong() {
        return values.length == 1 && values[0] instanceof Long l ? l : null;
    }

    /** {@return the mapped class} */
    public Class<?> entityClass() {
        return entityClass;
    }

    /** {@return the primary key values, in key column order} */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** {@return true when some key value is null (the object has no complete identity yet)} */
    public boolean isPartial() {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityKey k && hash == k.hash && entityClass == k.entityClass
                && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return entityClass.getSimpleName() + Arrays.toString(values);
    }
}
