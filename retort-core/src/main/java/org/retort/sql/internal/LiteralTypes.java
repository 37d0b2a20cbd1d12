package org.retort.sql.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.retort.types.NullType;
import org.retort.types.SqlType;
import org.retort.types.Types;

/**
 * The SQL type given to a Java literal that meets no typed expression ({@code literal(5)}, {@code func.x(5)}),
 * and the types of boolean and integer expressions the language makes itself, as SQLAlchemy's type map does:
 * {@code Integer -> INTEGER}, {@code Long -> BIGINT}, {@code String -> VARCHAR}, {@code LocalDateTime -> DATETIME}
 * and so on. A value of any other class gets {@link NullType}, which binds with {@code setObject}.
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
        return value == null ? NullType.INSTANCE : forClass(value.getClass());
    }

    /**
     * The type for literals of a Java class.
     *
     * @param type the class
     * @return its type, or {@link NullType} for a class with no built-in type
     */
    public static SqlType<?> forClass(Class<?> type) {
        if (type == Integer.class || type == Short.class || type == Byte.class) {
            return type == Integer.class ? Types.INTEGER : Types.SMALLINT;
        }
        if (type == Long.class || type == BigInteger.class) {
            return type == Long.class ? Types.BIGINT : Types.NUMERIC;
        }
        if (type == String.class) {
            return Types.VARCHAR;
        }
        if (type == Boolean.class) {
            return Types.BOOLEAN;
        }
        if (type == Double.class || type == Float.class) {
            return type == Double.class ? Types.DOUBLE : Types.FLOAT;
        }
        if (type == BigDecimal.class) {
            return Types.NUMERIC;
        }
        if (type == LocalDate.class) {
            return Types.DATE;
        }
        if (type == LocalTime.class) {
            return Types.TIME;
        }
        if (type == LocalDateTime.class) {
            return Types.DATETIME;
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return type == OffsetDateTime.class ? Types.DATETIME_TZ : NullType.INSTANCE;
        }
        if (type == Duration.class) {
            return Types.INTERVAL;
        }
        if (type == byte[].class) {
            return Types.LARGE_BINARY;
        }
        if (type == UUID.class) {
            return Types.UUID;
        }
        return NullType.INSTANCE;
    }

    /** {@return the type of comparisons and other boolean expressions} */
    @SuppressWarnings("unchecked")
    public static SqlType<Boolean> booleanType() {
        return (SqlType<Boolean>) (SqlType<?>) forValue(Boolean.TRUE);
    }

    /** {@return the type of counts} */
    @SuppressWarnings("unchecked")
    public static SqlType<Long> longType() {
        return (SqlType<Long>) (SqlType<?>) forValue(0L);
    }
}
