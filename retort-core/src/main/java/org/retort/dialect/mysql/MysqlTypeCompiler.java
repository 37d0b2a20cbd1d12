package org.retort.dialect.mysql;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.retort.exc.CompileException;
import org.retort.types.BigIntType;
import org.retort.types.BooleanType;
import org.retort.types.CharType;
import org.retort.types.DateTimeTzType;
import org.retort.types.DateTimeType;
import org.retort.types.DoubleType;
import org.retort.types.EnumType;
import org.retort.types.FloatType;
import org.retort.types.IntegerType;
import org.retort.types.JsonType;
import org.retort.types.LargeBinaryType;
import org.retort.types.NumericType;
import org.retort.types.SmallIntType;
import org.retort.types.SqlType;
import org.retort.types.StringType;
import org.retort.types.TextType;
import org.retort.types.TimeType;
import org.retort.types.TypeDecorator;
import org.retort.types.Variant;
import org.retort.types.TypeCompiler;
import org.retort.types.ValueBinder;
import org.retort.types.ValueReader;

/**
 * MySQL's and MariaDB's types: {@code BOOL}, VARCHAR that needs a length, {@code DATETIME(6)} and
 * {@code TIME(6)} so microseconds survive, inline {@code ENUM(...)}, {@code BLOB(n)}. MySQL has no time zone
 * type: a {@code DATETIME_TZ} value is stored as its UTC date-time and read back at offset UTC.
 */
public class MysqlTypeCompiler extends TypeCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the MySQL or MariaDB dialect
     */
    public MysqlTypeCompiler(MysqlDialect dialect) {
        super(dialect);
    }

    /**
     * MySQL's CAST takes a short list of targets, not its column types: strings become {@code CHAR(n)} (or
     * {@code CHAR}), integers {@code SIGNED INTEGER}, decimals {@code DECIMAL(p, s)}, binary {@code BINARY},
     * floating point {@code DOUBLE} (MySQL 8.0.17+, MariaDB 10.4.5+), dates and times their DDL spelling.
     * There is no CAST to BOOLEAN.
     */
    @Override
    public String castTarget(SqlType<?> type) {
        return switch (type) {
            case Variant<?> v -> castTarget(v.forDialect(dialect));
            case TypeDecorator<?, ?> d -> castTarget(d.impl(dialect));
            case StringType t -> t.length() == null ? "CHAR" : "CHAR(" + t.length() + ")";
            case CharType t -> "CHAR(" + t.length() + ")";
            case TextType t -> "CHAR";
            case EnumType<?> t -> "CHAR";
            case IntegerType t -> "SIGNED INTEGER";
            case SmallIntType t -> "SIGNED INTEGER";
            case BigIntType t -> "SIGNED INTEGER";
            case NumericType t -> t.precision() == null ? "DECIMAL"
                    : t.scale() == null ? "DECIMAL(" + t.precision() + ")"
                    : "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
            case FloatType t -> "DOUBLE";
            case DoubleType t -> "DOUBLE";
            case LargeBinaryType t -> "BINARY";
            case JsonType<?> t -> dialect instanceof MariadbDialect ? "CHAR" : "JSON";
            case BooleanType t -> throw new CompileException("MySQL and MariaDB have no CAST to BOOLEAN; "
                    + "compare instead (expr.ne(0)) or cast to INTEGER");
            default -> super.castTarget(type);
        };
    }

    @Override
    protected String visitBoolean(BooleanType t) {
        return "BOOL";
    }

    @Override
    protected String visitString(StringType t) {
        if (t.length() == null) {
            return unsupported(t, "MySQL needs a length for VARCHAR: use VARCHAR(n) or TEXT");
        }
        return super.visitString(t);
    }

    @Override
    protected String visitDouble(DoubleType t) {
        return "DOUBLE";
    }

    @Override
    protected String visitTime(TimeType t) {
        return "TIME(6)";
    }

    @Override
    protected String visitDateTime(DateTimeType t) {
        return "DATETIME(6)";
    }

    @Override
    protected String visitDateTimeTz(DateTimeTzType t) {
        return "DATETIME(6)";
    }

    @Override
    protected String visitLargeBinary(LargeBinaryType t) {
        return t.length() == null ? "BLOB" : "BLOB(" + t.length() + ")";
    }

    @Override
    protected String visitEnum(EnumType<?> t) {
        return t.nativeEnum() ? "ENUM(" + enumLiterals(t) + ")" : super.visitEnum(t);
    }

    @Override
    protected ValueBinder<OffsetDateTime> dateTimeTzBinder() {
        ValueBinder<LocalDateTime> inner = dateTimeBinder();
        return (st, i, v) -> inner.bind(st, i, v == null ? null
                : v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    @Override
    protected ValueReader<OffsetDateTime> dateTimeTzReader() {
        ValueReader<LocalDateTime> inner = dateTimeReader();
        return (rs, i) -> {
            LocalDateTime v = inner.read(rs, i);
            return v == null ? null : v.atOffset(ZoneOffset.UTC);
        };
    }
}
