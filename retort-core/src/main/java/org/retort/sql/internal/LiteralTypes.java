package org.retort.sql.internal;

import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * The SQL type given to a Java literal that meets no typed expression ({@code literal(5)}, {@code func.x(5)}),
 * and the types of boolean and integer expressions the language makes itself. Until the built-in types exist
 * every answer is {@link NullType}, which binds with {@code setObject} and reads with {@code getObject}; this
 * class is the single place to point at the real types.
 */
public final class LiteralTypes {
    private LiteralTypes() {
    }

    /**
     * The type for a literal value.
     *
     * @param value the value, may be null
     * @return its type
     */
    public static SqlType<?> forValue(Object value) {
        return NullType.INSTANCE;
    }

    /** @return the type of comparisons and other boolean expressions */
    @SuppressWarnings("unchecked")
    public static SqlType<Boolean> booleanType() {
        return (SqlType<Boolean>) (SqlType<?>) forValue(Boolean.TRUE);
    }

    /** @return the type of counts */
    @SuppressWarnings("unchecked")
    public static SqlType<Long> longType() {
        return (SqlType<Long>) (SqlType<?>) forValue(0L);
    }
}
