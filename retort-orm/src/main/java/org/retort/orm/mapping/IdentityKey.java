package org.retort.orm.mapping;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a persistent object in a session: its mapped class and primary key values (SQLAlchemy's
 * identity key). Integer key values compare by value whatever their class, so {@code 5} and {@code 5L} are one
 * key, and {@link #values()} gives them as {@code Long}.
 *
 * <p>Immutable; the hash is computed once, since every load and {@code get} looks a key up in the identity map.
 * A single-column key holds its value directly, not in an array: the identity map holds one key per loaded
 * object.
 */
public final class IdentityKey {
    private final Class<?> entityClass;
    /**
     * The key value of a single-column key, or an {@code Object[]} of the values of a composite one (no flag says
     * which: a key is 24 bytes, not 32, and a session holds one per object; a single value that is itself an
     * {@code Object[]} is kept in an {@link ArrayValue}).
     */
    private final Object value;
    private final int hash;

    /** A single key value that is an {@code Object[]}, told apart from a composite key's values. */
    private record ArrayValue(Object array) {
    }

    /**
     * Creates a key.
     *
     * @param entityClass the mapped class
     * @param values the primary key values, in key column order
     */
    public IdentityKey(Class<?> entityClass, List<Object> values) {
        this(entityClass, values.size() == 1 ? single(values.get(0)) : values.toArray());
    }

    private IdentityKey(Class<?> entityClass, Object value) {
        this.entityClass = Objects.requireNonNull(entityClass, "entityClass");
        this.value = value;
        this.hash = 31 * entityClass.hashCode() + (value instanceof Object[] a ? hashAll(a) : hashOf(value));
    }

    private static Object single(Object value) {
        return value instanceof Object[] ? new ArrayValue(value) : value;
    }

    /**
     * {@return a key of a mapper's class from its key values in key column order}
     *
     * @param mapper the mapper
     * @param values the key values
     */
    public static IdentityKey of(Mapper<?> mapper, Object[] values) {
        return values.length == 1 ? new IdentityKey(mapper.entityClass(), single(values[0]))
                : new IdentityKey(mapper.entityClass(), values);
    }

    /**
     * {@return a key of a mapper's class with a single-column primary key}
     *
     * @param mapper the mapper
     * @param value the key value
     */
    public static IdentityKey ofSingle(Mapper<?> mapper, Object value) {
        return new IdentityKey(mapper.entityClass(), single(value));
    }

    private static boolean integral(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    private static Object normalized(Object v) {
        return integral(v) && !(v instanceof Long) ? (Object) ((Number) v).longValue() : v;
    }

    private static int hashOf(Object v) {
        if (v == null) {
            return 0;
        }
        return integral(v) ? Long.hashCode(((Number) v).longValue()) : v.hashCode();
    }

    private static int hashAll(Object[] values) {
        int h = 1;
        for (Object v : values) {
            h = 31 * h + hashOf(v);
        }
        return h;
    }

    private static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (integral(a) && integral(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return a.equals(b);
    }

    /** {@return the mapped class} */
    public Class<?> entityClass() {
        return entityClass;
    }

    /** {@return the primary key values, in key column order; integer values as {@code Long}} */
    public List<Object> values() {
        if (!(value instanceof Object[] values)) {
            return Collections.singletonList(value instanceof ArrayValue a ? a.array() : normalized(value));
        }
        Object[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = normalized(v[i]);
        }
        return Collections.unmodifiableList(Arrays.asList(v));
    }

    /** {@return true when some key value is null (the object has no complete identity yet)} */
    public boolean isPartial() {
        if (!(value instanceof Object[] values)) {
            return value == null;
        }
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IdentityKey k) || hash != k.hash || entityClass != k.entityClass) {
            return false;
        }
        if (!(value instanceof Object[] a) || !(k.value instanceof Object[] b)) {
            return !(value instanceof Object[]) && !(k.value instanceof Object[]) && same(value, k.value);
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!same(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return entityClass.getSimpleName() + values();
    }
}
