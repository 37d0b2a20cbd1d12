package org.retort.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.retort.dialect.Dialect;

/**
 * How one dialect carries each type's values over JDBC: the binders and readers the built-in types hand to
 * compiled statements (the value half of SQLAlchemy's per-dialect {@code colspecs}). The base class holds the
 * conversions most drivers accept; {@link TypeCompiler}, which adds the DDL spelling, is what dialects subclass.
 */
public abstract class TypeBindings {
    /** The dialect these conversions serve. */
    protected final Dialect dialect;

    /**
     * Creates the conversions.
     *
     * @param dialect the dialect they serve
     */
    protected TypeBindings(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The type as written in CREATE TABLE; arrays use it to name their element type to the driver.
     *
     * @param type the type
     * @return the DDL spelling
     */
    public abstract String render(SqlType<?> type);

    /**
     * How values of a type are bound on this dialect.
     *
     * @param type the type
     * @param <T> the Java type
     * @return the binder
     */
    @SuppressWarnings("unchecked")
    public <T> ValueBinder<T> binder(SqlType<T> type) {
        return (ValueBinder<T>) switch (type) {
            case IntegerType t -> (ValueBinder<Object>) (st, i, v) -> {
                if (v == null) {
                    st.setNull(i, java.sql.Types.INTEGER);
                } else {
                    st.setInt(i, (int) NumberValues.toLong(v, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE));
                }
            };
            case SmallIntType t -> (ValueBinder<Object>) (st, i, v) -> {
                if (v == null) {
                    st.setNull(i, java.sql.Types.SMALLINT);
                } else {
                    st.setShort(i, (short) NumberValues.toLong(v, "SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE));
                }
            };
            case BigIntType t -> (ValueBinder<Object>) (st, i, v) -> {
                if (v == null) {
                    st.setNull(i, java.sql.Types.BIGINT);
                } else {
                    st.setLong(i, NumberValues.toLong(v, "BIGINT", Long.MIN_VALUE, Long.MAX_VALUE));
                }
            };
            case BooleanType t -> (ValueBinder<Boolean>) (st, i, v) -> {
                if (v == null) {
                    st.setNull(i, java.sql.Types.BOOLEAN);
                } else {
                    st.setBoolean(i, v);
                }
            };
            case FloatType t -> doubleBinder();
            case DoubleType t -> doubleBinder();
            case StringType t -> stringBinder();
            case CharType t -> stringBinder();
            case TextType t -> stringBinder();
            case NumericType t -> numericBinder(t);
            case DateType t -> dateBinder();
            case TimeType t -> timeBinder();
            case DateTimeType t -> dateTimeBinder();
            case DateTimeTzType t -> dateTimeTzBinder();
            case IntervalType t -> intervalBinder();
            case LargeBinaryType t -> (ValueBinder<byte[]>) (st, i, v) -> {
                if (v == null) {
                    st.setNull(i, java.sql.Types.BINARY);
                } else {
                    st.setBytes(i, v);
                }
            };
            case UuidType t -> uuidBinder(t);
            case JsonType<?> t -> jsonBinder(t);
            case EnumType<?> t -> enumBinder(t);
            case ArrayType<?> t -> arrayBinder(t);
            case InetType t -> stringBinder();
            default -> ValueBinder.object();
        };
    }

    /**
     * How values of a type are read on this dialect.
     *
     * @param type the type
     * @param <T> the Java type
     * @return the reader
     */
    @SuppressWarnings("unchecked")
    public <T> ValueReader<T> reader(SqlType<T> type) {
        return (ValueReader<T>) switch (type) {
            case IntegerType t -> (ValueReader<Integer>) TypeCompiler::readInt;
            case SmallIntType t -> (ValueReader<Short>) (rs, i) -> {
                short v = rs.getShort(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
            case BigIntType t -> (ValueReader<Long>) (rs, i) -> {
                long v = rs.getLong(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
            case BooleanType t -> (ValueReader<Boolean>) (rs, i) -> {
                boolean v = rs.getBoolean(i);
                return !v && rs.wasNull() ? null : v;
            };
            case FloatType t -> (ValueReader<Double>) TypeCompiler::readDouble;
            case DoubleType t -> (ValueReader<Double>) TypeCompiler::readDouble;
            case StringType t -> (ValueReader<String>) ResultSet::getString;
            case CharType t -> (ValueReader<String>) ResultSet::getString;
            case TextType t -> (ValueReader<String>) ResultSet::getString;
            case InetType t -> (ValueReader<String>) ResultSet::getString;
            case NumericType t -> numericReader(t);
            case DateType t -> dateReader();
            case TimeType t -> timeReader();
            case DateTimeType t -> dateTimeReader();
            case DateTimeTzType t -> dateTimeTzReader();
            case IntervalType t -> intervalReader();
            case LargeBinaryType t -> (ValueReader<byte[]>) ResultSet::getBytes;
            case UuidType t -> uuidReader(t);
            case JsonType<?> t -> jsonReader(t);
            case EnumType<?> t -> enumReader(t);
            case ArrayType<?> t -> arrayReader(t);
            default -> ValueReader.as(type.javaType());
        };
    }

    /** {@return the binder of Double values} */
    @SuppressWarnings("unchecked")
    protected ValueBinder<Double> doubleBinder() {
        ValueBinder<Object> b = (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.DOUBLE);
            } else {
                st.setDouble(i, NumberValues.toDouble(v, "DOUBLE"));
            }
        };
        return (ValueBinder<Double>) (ValueBinder<?>) b;
    }

    /**
     * The binder of String values. A string holding an unpaired UTF-16 surrogate is refused: drivers would
     * encode it as {@code ?} and store something other than what was given.
     *
     * @return the binder
     */
    protected ValueBinder<String> stringBinder() {
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.VARCHAR);
            } else {
                int lone = org.retort.dialect.LiteralStyle.unpairedSurrogateAt(v);
                if (lone >= 0) {
                    throw new org.retort.exc.ArgumentException("A string parameter holds an unpaired UTF-16 surrogate (U+"
                            + Integer.toHexString(v.charAt(lone)).toUpperCase(Locale.ROOT) + " at index " + lone
                            + "), which no database encoding can store; fix the string where it was made");
                }
                st.setString(i, v);
            }
        };
    }

    /**
     * Converts a bound value for a NUMERIC column: any {@link Number} that converts without loss.
     *
     * @param v the value, not null
     * @return the decimal
     * @throws org.retort.exc.ArgumentException when the value is not a number
     */
    protected static BigDecimal toDecimal(Object v) {
        return NumberValues.toBigDecimal(v, "NUMERIC");
    }

    /**
     * Returns the binder of BigDecimal values.
     *
     * @param t the type
     * @return the binder of BigDecimal values
     */
    @SuppressWarnings("unchecked")
    protected ValueBinder<BigDecimal> numericBinder(NumericType t) {
        ValueBinder<Object> b = (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.NUMERIC);
            } else {
                st.setBigDecimal(i, NumberValues.toBigDecimal(v, "NUMERIC"));
            }
        };
        return (ValueBinder<BigDecimal>) (ValueBinder<?>) b;
    }

    /**
     * Returns the reader of BigDecimal values, scaled to the declared scale.
     *
     * @param t the type
     * @return the reader of BigDecimal values, scaled to the declared scale
     */
    protected ValueReader<BigDecimal> numericReader(NumericType t) {
        return (rs, i) -> scaled(rs.getBigDecimal(i), t);
    }

    /**
     * Gives a decimal the declared scale when that loses no digit.
     *
     * @param v the value or null
     * @param t the type
     * @return the value with the type's scale
     */
    protected static BigDecimal scaled(BigDecimal v, NumericType t) {
        if (v == null || t.scale() == null || v.scale() == t.scale()) {
            return v;
        }
        try {
            return v.setScale(t.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return v;
        }
    }

    /** {@return the binder of LocalDate values} */
    protected ValueBinder<LocalDate> dateBinder() {
        return temporalBinder(java.sql.Types.DATE, "DATE", LocalDate.class, java.sql.Date.class);
    }

    /** {@return the reader of LocalDate values} */
    protected ValueReader<LocalDate> dateReader() {
        return (rs, i) -> rs.getObject(i, LocalDate.class);
    }

    /** {@return the binder of LocalTime values} */
    protected ValueBinder<LocalTime> timeBinder() {
        return temporalBinder(java.sql.Types.TIME, "TIME", LocalTime.class, java.sql.Time.class);
    }

    /** {@return the reader of LocalTime values} */
    protected ValueReader<LocalTime> timeReader() {
        return (rs, i) -> rs.getObject(i, LocalTime.class);
    }

    /** {@return the binder of LocalDateTime values} */
    protected ValueBinder<LocalDateTime> dateTimeBinder() {
        return temporalBinder(java.sql.Types.TIMESTAMP, "DATETIME", LocalDateTime.class, java.sql.Timestamp.class);
    }

    /** {@return the reader of LocalDateTime values} */
    protected ValueReader<LocalDateTime> dateTimeReader() {
        return (rs, i) -> rs.getObject(i, LocalDateTime.class);
    }

    /** {@return the binder of OffsetDateTime values} */
    protected ValueBinder<OffsetDateTime> dateTimeTzBinder() {
        return objectBinder(java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** {@return the reader of OffsetDateTime values} */
    protected ValueReader<OffsetDateTime> dateTimeTzReader() {
        return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
    }

    /** The epoch the emulated INTERVAL counts from, as SQLAlchemy's. */
    protected static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** {@return the binder of Duration values; the base class stores 1970-01-01 plus the duration} */
    protected ValueBinder<Duration> intervalBinder() {
        ValueBinder<LocalDateTime> inner = dateTimeBinder();
        return (st, i, v) -> inner.bind(st, i, v == null ? null : EPOCH.plus(v));
    }

    /** {@return the reader of Duration values; the base class reads the emulated form} */
    protected ValueReader<Duration> intervalReader() {
        ValueReader<LocalDateTime> inner = dateTimeReader();
        return (rs, i) -> {
            LocalDateTime v = inner.read(rs, i);
            return v == null ? null : Duration.between(EPOCH, v);
        };
    }

    /**
     * Returns the binder of UUID values: native or 32 hex digits.
     *
     * @param t the type
     * @return the binder of UUID values: native or 32 hex digits
     */
    protected ValueBinder<UUID> uuidBinder(UuidType t) {
        if (t.nativeUuid() && dialect.supportsNativeUuid()) {
            return objectBinder(java.sql.Types.OTHER);
        }
        ValueBinder<String> s = stringBinder();
        return (st, i, v) -> s.bind(st, i, v == null ? null : v.toString().replace("-", ""));
    }

    /**
     * Returns the reader of UUID values.
     *
     * @param t the type
     * @return the reader of UUID values
     */
    protected ValueReader<UUID> uuidReader(UuidType t) {
        if (t.nativeUuid() && dialect.supportsNativeUuid()) {
            return (rs, i) -> rs.getObject(i, UUID.class);
        }
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : parseUuid(s.trim());
        };
    }

    private static UUID parseUuid(String s) {
        if (s.length() == 32) {
            s = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                    + "-" + s.substring(20);
        }
        return UUID.fromString(s);
    }

    /**
     * Returns the binder of JSON values: the document as text.
     *
     * @param t the type
     * @param <T> the Java type
     * @return the binder of JSON values: the document as text
     */
    protected <T> ValueBinder<T> jsonBinder(JsonType<T> t) {
        ValueBinder<String> s = stringBinder();
        return (st, i, v) -> s.bind(st, i, v == null ? null : JsonCodec.write(v));
    }

    /**
     * Returns the reader of JSON values.
     *
     * @param t the type
     * @param <T> the Java type
     * @return the reader of JSON values
     */
    protected <T> ValueReader<T> jsonReader(JsonType<T> t) {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : JsonCodec.read(s, t.javaType());
        };
    }

    /**
     * Returns the binder of enum values: the constant's name.
     *
     * @param t the type
     * @param <E> the enum
     * @return the binder of enum values: the constant's name
     */
    protected <E extends Enum<E>> ValueBinder<E> enumBinder(EnumType<E> t) {
        ValueBinder<String> s = stringBinder();
        return (st, i, v) -> s.bind(st, i, v == null ? null : v.name());
    }

    /**
     * Returns the reader of enum values.
     *
     * @param t the type
     * @param <E> the enum
     * @return the reader of enum values
     */
    protected <E extends Enum<E>> ValueReader<E> enumReader(EnumType<E> t) {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : Enum.valueOf(t.enumClass(), s);
        };
    }

    /**
     * Returns the binder of lists as JDBC arrays.
     *
     * @param t the type
     * @param <T> the element type
     * @return the binder of lists as JDBC arrays
     */
    protected <T> ValueBinder<List<T>> arrayBinder(ArrayType<T> t) {
        String elementType = render(t.itemType()).replaceAll("\\(.*", "").toLowerCase(Locale.ROOT);
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.ARRAY);
            } else {
                st.setArray(i, st.getConnection().createArrayOf(elementType, v.toArray()));
            }
        };
    }

    /**
     * Returns the reader of JDBC arrays as lists.
     *
     * @param t the type
     * @param <T> the element type
     * @return the reader of JDBC arrays as lists
     */
    @SuppressWarnings("unchecked")
    protected <T> ValueReader<List<T>> arrayReader(ArrayType<T> t) {
        return (rs, i) -> {
            Array a = rs.getArray(i);
            if (a == null) {
                return null;
            }
            Object[] items = (Object[]) a.getArray();
            List<T> out = new ArrayList<>(items.length);
            for (Object item : Arrays.asList(items)) {
                out.add((T) convertElement(item, t.itemType().javaType()));
            }
            return out;
        };
    }

    private static Object convertElement(Object item, Class<?> want) {
        if (item == null || want.isInstance(item)) {
            return item;
        }
        if (item instanceof Number n) {
            if (want == Integer.class) {
                return n.intValue();
            }
            if (want == Long.class) {
                return n.longValue();
            }
            if (want == Short.class) {
                return n.shortValue();
            }
            if (want == Double.class) {
                return n.doubleValue();
            }
            if (want == BigDecimal.class) {
                return new BigDecimal(n.toString());
            }
        }
        return item;
    }

    /**
     * A binder of one date/time type: the {@code java.time} class or its {@code java.sql} counterpart, anything else
     * refused with an {@link org.retort.exc.ArgumentException} naming the type wanted.
     *
     * @param sqlType the {@link java.sql.Types} code for nulls
     * @param typeName the SQL type's name, for the message
     * @param javaTime the {@code java.time} class accepted
     * @param jdbc the {@code java.sql} class accepted
     * @param <T> the value type
     * @return the binder
     */
    protected static <T> ValueBinder<T> temporalBinder(int sqlType, String typeName, Class<?> javaTime, Class<?> jdbc) {
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, sqlType);
            } else if (javaTime.isInstance(v) || jdbc.isInstance(v)) {
                st.setObject(i, v);
            } else {
                // a driver may take anything here (MariaDB reads the Integer 20240101 as a date): refuse it instead
                throw new org.retort.exc.ArgumentException("A " + typeName + " parameter needs a "
                        + javaTime.getSimpleName() + "; got " + v.getClass().getName() + " "
                        + NumberValues.EchoSafe.value(v));
            }
        };
    }

    /**
     * A binder that passes values to {@code setObject}, and nulls as the given JDBC type.
     *
     * @param sqlType the {@link java.sql.Types} code for nulls
     * @param <T> the value type
     * @return the binder
     */
    protected static <T> ValueBinder<T> objectBinder(int sqlType) {
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, sqlType);
            } else {
                st.setObject(i, v);
            }
        };
    }

    /**
     * Reads an int column, null-aware.
     *
     * @param rs the result set
     * @param i the column
     * @return the value or null
     * @throws SQLException on failure
     */
    protected static Integer readInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return v == 0 && rs.wasNull() ? null : v; // a NULL reads as 0: only a 0 needs asking
    }

    /**
     * Reads a double column, null-aware.
     *
     * @param rs the result set
     * @param i the column
     * @return the value or null
     * @throws SQLException on failure
     */
    protected static Double readDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return v == 0 && rs.wasNull() ? null : v; // a NULL reads as 0: only a 0 needs asking
    }

    /**
     * Writes a value as JSON text with Jackson.
     *
     * @param value the non-null value
     * @return the JSON document
     */
    protected static String toJson(Object value) {
        return JsonCodec.write(value);
    }

    /**
     * Reads JSON text with Jackson.
     *
     * @param json the document
     * @param type the class wanted
     * @param <T> the Java type
     * @return the value
     */
    protected static <T> T fromJson(String json, Class<T> type) {
        return JsonCodec.read(json, type);
    }
}
