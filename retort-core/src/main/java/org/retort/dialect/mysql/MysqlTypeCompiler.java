package org.retort.dialect.mysql;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.retort.types.BooleanType;
import org.retort.types.DateTimeTzType;
import org.retort.types.DateTimeType;
import org.retort.types.DoubleType;
import org.retort.types.EnumType;
import org.retort.types.LargeBinaryType;
import org.retort.types.StringType;
import org.retort.types.TimeType;
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
