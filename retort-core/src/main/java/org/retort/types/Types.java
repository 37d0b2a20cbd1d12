package org.retort.types;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The built-in types as constants and factories, for {@code import static org.retort.types.Types.*}:
 * {@code column("name", VARCHAR(30))}, {@code column("price", NUMERIC(10, 2))}, {@code column("doc", JSON)}.
 *
 * <p>Names follow SQLAlchemy's generic types; how each dialect stores them is in {@code docs/guides/types.md}.
 */
public final class Types {
    private Types() {
    }

    /** 32-bit integer, {@link Integer}. */
    public static final IntegerType INTEGER = new IntegerType();
    /** 16-bit integer, {@link Short}. */
    public static final SmallIntType SMALLINT = new SmallIntType();
    /** 64-bit integer, {@link Long}. */
    public static final BigIntType BIGINT = new BigIntType();
    /** True/false, {@link Boolean}. */
    public static final BooleanType BOOLEAN = new BooleanType();
    /** VARCHAR without a length (where the database allows it). */
    public static final StringType VARCHAR = new StringType(null, false);
    /** Unbounded text, {@link String}. */
    public static final TextType TEXT = new TextType();
    /** Exact decimal with the database's default precision, {@link java.math.BigDecimal}. */
    public static final NumericType NUMERIC = new NumericType(null, null);
    /** Floating point, {@link Double}. */
    public static final FloatType FLOAT = new FloatType(null);
    /** Double-precision floating point, {@link Double}. */
    public static final DoubleType DOUBLE = new DoubleType();
    /** Calendar date, {@link java.time.LocalDate}. */
    public static final DateType DATE = new DateType();
    /** Time of day, {@link java.time.LocalTime}. */
    public static final TimeType TIME = new TimeType();
    /** Date and time without zone, {@link java.time.LocalDateTime}. */
    public static final DateTimeType DATETIME = new DateTimeType();
    /** Date and time with offset, {@link java.time.OffsetDateTime} ({@code DateTime(timezone=True)}). */
    public static final DateTimeTzType DATETIME_TZ = new DateTimeTzType();
    /** Length of time, {@link java.time.Duration}. */
    public static final IntervalType INTERVAL = new IntervalType();
    /** Binary data, {@code byte[]}. */
    public static final LargeBinaryType LARGE_BINARY = new LargeBinaryType(null);
    /** UUID, native where the database has it, else CHAR(32). */
    public static final UuidType UUID = new UuidType(true);
    /** PostgreSQL INET. */
    public static final InetType INET = new InetType();

    /**
     * VARCHAR of a length (SQLAlchemy's {@code String(n)}).
     *
     * @param length the maximum length in characters
     * @return the type
     */
    public static StringType VARCHAR(int length) {
        return new StringType(length, false);
    }

    /**
     * Same as {@link #VARCHAR(int)}, SQLAlchemy's spelling.
     *
     * @param length the maximum length in characters
     * @return the type
     */
    public static StringType STRING(int length) {
        return VARCHAR(length);
    }

    /**
     * National VARCHAR (SQLAlchemy's {@code Unicode(n)}): NVARCHAR on SQL Server and Oracle, VARCHAR elsewhere.
     *
     * @param length the maximum length in characters
     * @return the type
     */
    public static StringType UNICODE(int length) {
        return new StringType(length, true);
    }

    /**
     * Fixed-length CHAR.
     *
     * @param length the length
     * @return the type
     */
    public static CharType CHAR(int length) {
        return new CharType(length);
    }

    /**
     * Exact decimal {@code NUMERIC(p, s)}.
     *
     * @param precision the total digits
     * @param scale the digits after the point
     * @return the type
     */
    public static NumericType NUMERIC(int precision, int scale) {
        return new NumericType(precision, scale);
    }

    /**
     * Binary data of a largest size, which MySQL uses to pick TINYBLOB..LONGBLOB.
     *
     * @param length the largest value in bytes
     * @return the type
     */
    public static LargeBinaryType LARGE_BINARY(int length) {
        return new LargeBinaryType(length);
    }

    /**
     * JSON as a Jackson tree; requires jackson-databind.
     *
     * @return the type
     */
    public static JsonType<JsonNode> JSON() {
        return new JsonType<>(JsonNode.class, false);
    }

    /**
     * JSON mapped to a class by Jackson.
     *
     * @param javaType the class
     * @param <T> the Java type
     * @return the type
     */
    public static <T> JsonType<T> JSON(Class<T> javaType) {
        return new JsonType<>(javaType, false);
    }

    /**
     * PostgreSQL JSONB as a Jackson tree (JSON elsewhere).
     *
     * @return the type
     */
    public static JsonType<JsonNode> JSONB() {
        return new JsonType<>(JsonNode.class, true);
    }

    /**
     * A Java enum stored by name.
     *
     * @param enumClass the enum
     * @param <E> the enum type
     * @return the type
     */
    public static <E extends Enum<E>> EnumType<E> ENUM(Class<E> enumClass) {
        return new EnumType<>(enumClass, null, true);
    }

    /**
     * An array of another type (PostgreSQL, H2).
     *
     * @param itemType the element type
     * @param <T> the element type
     * @return the type
     */
    public static <T> ArrayType<T> ARRAY(SqlType<T> itemType) {
        return new ArrayType<>(itemType);
    }
}
