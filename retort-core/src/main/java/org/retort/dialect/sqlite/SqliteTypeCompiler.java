package org.retort.dialect.sqlite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.retort.types.DateTimeTzType;
import org.retort.types.DateTimeType;
import org.retort.types.DoubleType;
import org.retort.types.NumericType;
import org.retort.types.TimeType;
import org.retort.types.TypeCompiler;
import org.retort.types.ValueBinder;
import org.retort.types.ValueReader;

/**
 * SQLite's types. SQLite has no date or time storage class, so dates and times are stored as ISO-8601 text
 * in the format SQLAlchemy uses ({@code 2024-01-31 13:45:00.000000}; a time zone offset is kept as a suffix),
 * never as the driver's default epoch milliseconds; decimals travel as text so no digit is lost.
 */
public class SqliteTypeCompiler extends TypeCompiler {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd ").append(TIME).toFormatter();
    private static final DateTimeFormatter DATETIME_TZ = new DateTimeFormatterBuilder()
            .append(DATETIME).appendOffset("+HH:MM", "+00:00").toFormatter();
    private static final DateTimeFormatter PARSE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter();
    private static final DateTimeFormatter PARSE_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ ]['T']").append(PARSE_TIME).toFormatter();
    private static final DateTimeFormatter PARSE_DATETIME_TZ = new DateTimeFormatterBuilder()
            .append(PARSE_DATETIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd().toFormatter();

    /**
     * Creates the compiler.
     *
     * @param dialect the SQLite dialect
     */
    public SqliteTypeCompiler(SqliteDialect dialect) {
        super(dialect);
    }

    @Override
    protected String visitDouble(DoubleType t) {
        return "DOUBLE";
    }

    @Override
    protected String visitTime(TimeType t) {
        return "TIME";
    }

    @Override
    protected String visitDateTime(DateTimeType t) {
        return "DATETIME";
    }

    @Override
    protected String visitDateTimeTz(DateTimeTzType t) {
        return "DATETIME";
    }

    /**
     * Decimals are bound as numbers, so they compare as numbers with expressions that have no NUMERIC column
     * affinity ({@code sum(price) > ?}, {@code price + 0 > ?}): a whole number as an INTEGER, a value that a
     * double holds exactly in its shortest decimal form as a REAL. Only a decimal with more significant digits
     * than a double keeps is bound as text, so no digit is lost; it then compares as text outside a NUMERIC
     * column.
     */
    @Override
    @SuppressWarnings("unchecked")
    protected ValueBinder<BigDecimal> numericBinder(NumericType t) {
        ValueBinder<String> s = stringBinder();
        ValueBinder<Object> b = (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.NUMERIC);
                return;
            }
            BigDecimal d = toDecimal(v);
            BigDecimal whole = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            if (whole.scale() <= 0 && whole.precision() - whole.scale() <= 18) {
                st.setLong(i, whole.longValueExact());
                return;
            }
            double approx = d.doubleValue();
            if (Double.isFinite(approx) && BigDecimal.valueOf(approx).compareTo(d) == 0) {
                st.setDouble(i, approx);
            } else {
                s.bind(st, i, d.toPlainString());
            }
        };
        return (ValueBinder<BigDecimal>) (ValueBinder<?>) b;
    }

    @Override
    protected ValueReader<BigDecimal> numericReader(NumericType t) {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : scaled(new BigDecimal(s), t);
        };
    }

    @Override
    protected ValueBinder<LocalDate> dateBinder() {
        ValueBinder<String> s = stringBinder();
        return (st, i, v) -> s.bind(st, i, v == null ? null : v.toString());
    }

    @Override
    protected ValueReader<LocalDate> dateReader() {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        };
    }

    @Override
    protected ValueBinder<LocalTime> timeBinder() {
        ValueBinder<String> s = stringBinder();
        return (st, i, v) -> s.bind(st, i, v == null ? null : TIME.format(v));
    }

    @Override
    protected ValueReader<LocalTime> timeReader() {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : LocalTime.parse(s, PARSE_TIME);
        };
    }

    @Override
    protected ValueBinder<LocalDateTime> dateTimeBinder() {
        ValueBinder<String> s = stringBinder();
        return (st, i, v) -> s.bind(st, i, v == null ? null : DATETIME.format(v));
    }

    @Override
    protected ValueReader<LocalDateTime> dateTimeReader() {
        return (rs, i) -> {
            String s = rs.getString(i);
            if (s == null) {
                return null;
            }
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s, PARSE_DATETIME);
        };
    }

    @Override
    protected ValueBinder<OffsetDateTime> dateTimeTzBinder() {
        ValueBinder<String> s = stringBinder();
        return (st, i, v) -> s.bind(st, i, v == null ? null : DATETIME_TZ.format(v));
    }

    @Override
    protected ValueReader<OffsetDateTime> dateTimeTzReader() {
        return (rs, i) -> {
            String s = rs.getString(i);
            if (s == null) {
                return null;
            }
            var parsed = PARSE_DATETIME_TZ.parse(s);
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.of(local, java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.atOffset(java.time.ZoneOffset.UTC);
        };
    }
}
