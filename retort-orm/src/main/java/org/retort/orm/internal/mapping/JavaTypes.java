package org.retort.orm.internal.mapping;

import org.retort.orm.mapping.ColumnProperty;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.retort.exc.ArgumentException;
import org.retort.types.SqlType;
import org.retort.types.Types;

/** Java field types to SQL types, database values to field values, and value comparison for dirty checking. */
public final class JavaTypes {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, boolean.class, Boolean.class, double.class, Double.class, float.class,
            Float.class, byte.class, Byte.class, char.class, Character.class);
    private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

    private JavaTypes() {
    }

    public static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /** The SQL type for a field type, or null when none is known. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SqlType<?> derive(Class<?> fieldType, int length, int precision, int scale) {
        Class<?> t = boxed(fieldType);
        if (t == String.class) {
            return Types.VARCHAR(length > 0 ? length : 255);
        } else if (t == Integer.class) {
            return Types.INTEGER;
        } else if (t == Long.class) {
            return Types.BIGINT;
        } else if (t == Short.class) {
            return Types.SMALLINT;
        } else if (t == Boolean.class) {
            return Types.BOOLEAN;
        } else if (t == Double.class || t == Float.class) {
            return Types.DOUBLE;
        } else if (t == BigDecimal.class) {
            return precision > 0 ? Types.NUMERIC(precision, Math.max(scale, 0)) : Types.NUMERIC;
        } else if (t == LocalDate.class) {
            return Types.DATE;
        } else if (t == LocalTime.class) {
            return Types.TIME;
        } else if (t == LocalDateTime.class) {
            return Types.DATETIME;
        } else if (t == OffsetDateTime.class) {
            return Types.DATETIME_TZ;
        } else if (t == Duration.class) {
            return Types.INTERVAL;
        } else if (t == UUID.class) {
            return Types.UUID;
        } else if (t == byte[].class) {
            return length > 0 ? Types.LARGE_BINARY(length) : Types.LARGE_BINARY;
        } else if (t.isEnum()) {
            return Types.ENUM((Class) t);
        } else if (isJsonNode(t)) {
            return Json.type();
        }
        return null;
    }

    /** Whether a class is a Jackson tree node, found by name so Jackson stays optional; cached per class. */
    private static final ClassValue<Boolean> JSON_NODES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(JSON_NODE)) {
                    return true;
                }
            }
            return false;
        }
    };

    private static boolean isJsonNode(Class<?> t) {
        return JSON_NODES.get(t);
    }

    /**
     * Converts a value read from the database (or a default) to a property's field type.
     *
     * @param value the value
     * @param p the property
     * @return the value to store
     */
    public static Object convert(Object value, ColumnProperty p) {
        // most values already have the field's (boxed) class: one class compare, no subtype check
        return value != null && value.getClass() == p.boxedType() ? value : convert(value, p.fieldType(), p);
    }

    /**
     * Converts a value to a property's field type, boxed: a key value (null stays null, even for a primitive field).
     *
     * @param value the value
     * @param p the property
     * @return the value, of the field's boxed type
     */
    public static Object convertBoxed(Object value, ColumnProperty p) {
        return value != null && value.getClass() == p.boxedType() ? value : convert(value, p.boxedType(), p);
    }

    /**
     * Converts a value read from a row to a field's type.
     *
     * @param value the value
     * @param fieldType the field's type
     * @param where what the field is, for the error message
     * @return the value to store
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object convert(Object value, Class<?> fieldType, Object where) {
        if (value == null) {
            return fieldType.isPrimitive() ? primitiveDefault(fieldType) : null;
        }
        Class<?> t = boxed(fieldType);
        if (t.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            if (t == Long.class) {
                return n.longValue();
            } else if (t == Integer.class) {
                return n.intValue();
            } else if (t == Short.class) {
                return n.shortValue();
            } else if (t == Double.class) {
                return n.doubleValue();
            } else if (t == Float.class) {
                return n.floatValue();
            } else if (t == BigDecimal.class) {
                return n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
            } else if (t == Boolean.class) {
                return n.intValue() != 0;
            } else if (t == Byte.class) {
                return n.byteValue();
            }
        }
        if (value instanceof String s) {
            if (t.isEnum()) {
                return Enum.valueOf((Class) t, s);
            } else if (t == UUID.class) {
                return UUID.fromString(s);
            }
        }
        if (value instanceof Timestamp ts && t == LocalDateTime.class) {
            return ts.toLocalDateTime();
        }
        throw new ArgumentException("Cannot store a " + value.getClass().getName() + " value in " + where
                + " of type " + fieldType.getName() + "; map the field with a matching type");
    }

    /** Converts {@code @MappedColumn(defaultValue = "...")} text to a field's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object fromText(String text, Class<?> fieldType) {
        Class<?> t = boxed(fieldType);
        if (t == String.class) {
            return text;
        } else if (t == Integer.class) {
            return Integer.valueOf(text.trim());
        } else if (t == Long.class) {
            return Long.valueOf(text.trim());
        } else if (t == Short.class) {
            return Short.valueOf(text.trim());
        } else if (t == Boolean.class) {
            String v = text.trim();
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.valueOf(v);
        } else if (t == Double.class) {
            return Double.valueOf(text.trim());
        } else if (t == Float.class) {
            return Float.valueOf(text.trim());
        } else if (t == BigDecimal.class) {
            return new BigDecimal(text.trim());
        } else if (t == LocalDate.class) {
            return LocalDate.parse(text.trim());
        } else if (t == LocalTime.class) {
            return LocalTime.parse(text.trim());
        } else if (t == LocalDateTime.class) {
            return LocalDateTime.parse(text.trim());
        } else if (t == UUID.class) {
            return UUID.fromString(text.trim());
        } else if (t.isEnum()) {
            return Enum.valueOf((Class) t, text.trim());
        }
        throw new IllegalArgumentException("no text form for " + fieldType.getName());
    }

    private static Object primitiveDefault(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == char.class) {
            return '\0';
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0d;
        } else if (type == float.class) {
            return 0f;
        } else if (type == short.class) {
            return (short) 0;
        } else if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    /** Equality as dirty checking sees it: arrays by content, decimals by value. */
    public static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A copy of a mutable value for a snapshot, so changing the array in place is seen as a change. */
    public static Object snapshot(Object value) {
        if (value instanceof byte[] b) {
            return b.clone();
        }
        if (value == null || value instanceof String || value instanceof Number
                || value instanceof java.time.temporal.TemporalAccessor || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof java.util.UUID) {
            return value;   // immutable: the value itself is its snapshot
        }
        if (isJsonNode(value.getClass())) {
            return Json.deepCopy(value);
        }
        return value;
    }

    /** Kept apart so that a class path without Jackson never loads it. */
    private static final class Json {
        static SqlType<?> type() {
            return Types.JSON();
        }

        static Object deepCopy(Object node) {
            return ((com.fasterxml.jackson.databind.JsonNode) node).deepCopy();
        }
    }

    /** {@return the default value of a primitive field type, boxed (0, false, '\0'), or null for a reference type} */
    public static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return convertNumber(0L, type);
    }

    private static Object convertNumber(long value, Class<?> type) {
        if (type == int.class) {
            return (int) value;
        }
        if (type == long.class) {
            return value;
        }
        if (type == short.class) {
            return (short) value;
        }
        if (type == byte.class) {
            return (byte) value;
        }
        if (type == float.class) {
            return (float) value;
        }
        return (double) value;
    }

    /**
     * A field value as the column's type binds it (numbers converted to the column's number class).
     *
     * @param p the property
     * @param v the field value
     * @return the value to bind
     */
    public static Object dbValue(ColumnProperty p, Object v) {
        if (v == null) {
            return null;
        }
        Class<?> jt = p.column().type().javaType();
        if (jt != Object.class && !jt.isInstance(v) && v instanceof Number) {
            return convert(v, jt, p);
        }
        return v;
    }

    /**
     * {@return whether a column default can be evaluated in Java before the statement (not SQL or a sequence)}
     *
     * @param d the default, or null
     */
    public static boolean isClient(org.retort.sql.ColumnDefault d) {
        return d != null && d.isClientValue();
    }
}
