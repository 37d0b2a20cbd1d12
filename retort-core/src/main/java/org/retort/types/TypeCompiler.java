package org.retort.types;

import java.util.stream.Collectors;
import org.retort.dialect.Dialect;
import org.retort.exc.CompileException;

/**
 * How one dialect spells each type in DDL (SQLAlchemy's {@code GenericTypeCompiler}), on top of how it carries
 * values over JDBC ({@link TypeBindings}). The base class holds the SQL-standard spelling; each dialect's
 * subclass overrides only what differs, in spelling and in conversions alike.
 *
 * <p>Obtained from {@link Dialect#typeCompiler()}; built-in types call {@link #binder(SqlType)} and
 * {@link #reader(SqlType)} from their own {@code binder}/{@code reader}, once per compiled statement.
 */
public class TypeCompiler extends TypeBindings {

    /**
     * Creates the compiler.
     *
     * @param dialect the dialect it serves
     */
    public TypeCompiler(Dialect dialect) {
        super(dialect);
    }

    // ------------------------------------------------------------------ DDL spelling

    /**
     * The type as written in CREATE TABLE.
     *
     * @param type the type
     * @return the DDL spelling, e.g. {@code VARCHAR(30)}
     * @throws CompileException when the database has no way to store the type
     */
    @Override
    public String render(SqlType<?> type) {
        return switch (type) {
            case Variant<?> v -> render(v.forDialect(dialect));
            case TypeDecorator<?, ?> d -> render(d.impl(dialect));
            case UserDefinedType<?> u -> u.columnSpec(dialect);
            case IntegerType t -> "INTEGER";
            case SmallIntType t -> "SMALLINT";
            case BigIntType t -> "BIGINT";
            case BooleanType t -> visitBoolean(t);
            case StringType t -> visitString(t);
            case CharType t -> "CHAR(" + t.length() + ")";
            case TextType t -> visitText(t);
            case NumericType t -> visitNumeric(t);
            case FloatType t -> t.precision() == null ? "FLOAT" : "FLOAT(" + t.precision() + ")";
            case DoubleType t -> visitDouble(t);
            case DateType t -> "DATE";
            case TimeType t -> visitTime(t);
            case DateTimeType t -> visitDateTime(t);
            case DateTimeTzType t -> visitDateTimeTz(t);
            case IntervalType t -> visitInterval(t);
            case LargeBinaryType t -> visitLargeBinary(t);
            case UuidType t -> visitUuid(t);
            case JsonType<?> t -> visitJson(t);
            case EnumType<?> t -> visitEnum(t);
            case ArrayType<?> t -> visitArray(t);
            case InetType t -> unsupported(t, "use VARCHAR(45), or a PostgreSQL database");
            case NullType t -> unsupported(t, "give the column a type");
            default -> unsupported(type, "implement UserDefinedType to spell it in DDL");
        };
    }

    /**
     * The type as written after {@code AS} in {@code CAST(x AS type)} (SQLAlchemy's {@code visit_typeclause}):
     * the DDL spelling with its length, precision and scale by default. Dialects whose CAST accepts fewer or other
     * target types than their DDL (MySQL's {@code CHAR}/{@code SIGNED}/{@code DECIMAL}) override it. A type
     * of another library that is not a {@link UserDefinedType} is written as its {@link SqlType#name()}.
     *
     * @param type the target type
     * @return the spelling, e.g. {@code VARCHAR(200)} or {@code NUMERIC(10, 1)}
     * @throws CompileException when the database has no CAST to that type
     */
    public String castTarget(SqlType<?> type) {
        return switch (type) {
            case Variant<?> v -> castTarget(v.forDialect(dialect));
            case TypeDecorator<?, ?> d -> castTarget(d.impl(dialect));
            case NullType t -> throw new CompileException("cast() needs a concrete SQL type, not NullType; "
                    + "pass a type such as Types.INTEGER or Types.VARCHAR(20)");
            case UserDefinedType<?> u -> render(u);
            default -> SqlType.class.getPackageName().equals(type.getClass().getPackageName())
                    ? render(type) : type.name();
        };
    }

    /**
     * Fails for a type this database cannot store.
     *
     * @param type the type
     * @param advice what to do instead
     * @return never
     */
    protected String unsupported(SqlType<?> type, String advice) {
        throw new CompileException("The " + dialect.name() + " dialect has no DDL for type " + type.name() + " ("
                + type + "): " + advice);
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the BOOLEAN spelling
     */
    protected String visitBoolean(BooleanType t) {
        return "BOOLEAN";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the VARCHAR spelling (NVARCHAR only where a dialect separates the two)
     */
    protected String visitString(StringType t) {
        return t.length() == null ? "VARCHAR" : "VARCHAR(" + t.length() + ")";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the TEXT spelling
     */
    protected String visitText(TextType t) {
        return "TEXT";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the NUMERIC spelling
     */
    protected String visitNumeric(NumericType t) {
        if (t.precision() == null) {
            return "NUMERIC";
        }
        return t.scale() == null ? "NUMERIC(" + t.precision() + ")" : "NUMERIC(" + t.precision() + ", " + t.scale() + ")";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the DOUBLE spelling
     */
    protected String visitDouble(DoubleType t) {
        return "DOUBLE PRECISION";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the TIME spelling
     */
    protected String visitTime(TimeType t) {
        return "TIME";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the DATETIME spelling
     */
    protected String visitDateTime(DateTimeType t) {
        return "TIMESTAMP";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the DATETIME WITH TIME ZONE spelling
     */
    protected String visitDateTimeTz(DateTimeTzType t) {
        return "TIMESTAMP WITH TIME ZONE";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the INTERVAL spelling; the emulated form is a date-time
     */
    protected String visitInterval(IntervalType t) {
        return visitDateTime(new DateTimeType());
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the BLOB spelling
     */
    protected String visitLargeBinary(LargeBinaryType t) {
        return "BLOB";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the UUID spelling
     */
    protected String visitUuid(UuidType t) {
        return t.nativeUuid() && dialect.supportsNativeUuid() ? "UUID" : "CHAR(32)";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the JSON spelling
     */
    protected String visitJson(JsonType<?> t) {
        return "JSON";
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the ENUM spelling: VARCHAR of the longest name unless overridden
     */
    protected String visitEnum(EnumType<?> t) {
        return visitString(new StringType(t.length(), false));
    }

    /**
     * Whether an enum is stored as a VARCHAR with a CHECK constraint on this dialect.
     *
     * @param t the type
     * @return true when the DDL compiler must add {@code CHECK (col IN (...))}
     */
    public boolean enumNeedsCheck(EnumType<?> t) {
        return !(t.nativeEnum() && dialect.supportsNativeEnum());
    }

    /**
     * Whether an enum is a named type created with CREATE TYPE before its tables (PostgreSQL).
     *
     * @param t the type
     * @return true for a separately created type
     */
    public boolean enumIsSchemaType(EnumType<?> t) {
        return false;
    }

    /**
     * The DDL spelling of this type; dialects override what differs.
     *
     * @param t the type
     * @return the ARRAY spelling
     */
    protected String visitArray(ArrayType<?> t) {
        return unsupported(t, "arrays exist on PostgreSQL and H2 only; store a JSON list instead");
    }

    /**
     * Quotes the values of an inline ENUM or CHECK list as SQL string literals in the dialect's literal style.
     *
     * @param t the enum type
     * @return {@code 'A', 'B'}
     */
    protected String enumLiterals(EnumType<?> t) {
        return t.values().stream().map(v -> dialect.literalStyle().string(v, dialect.name()))
                .collect(Collectors.joining(", "));
    }
}
