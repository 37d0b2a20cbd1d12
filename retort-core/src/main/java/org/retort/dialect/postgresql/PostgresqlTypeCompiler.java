package org.retort.dialect.postgresql;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.sql.SQLException;
import org.retort.types.ArrayType;
import org.retort.types.DateTimeType;
import org.retort.types.DoubleType;
import org.retort.types.EnumType;
import org.retort.types.InetType;
import org.retort.types.IntervalType;
import org.retort.types.JsonType;
import org.retort.types.LargeBinaryType;
import org.retort.types.SqlType;
import org.retort.types.TimeType;
import org.retort.types.TypeCompiler;
import org.retort.types.ValueBinder;
import org.retort.types.ValueReader;

/**
 * PostgreSQL's types: {@code BYTEA}, {@code INTERVAL}, {@code JSON}/{@code JSONB}, named {@code ENUM} types
 * made with CREATE TYPE, {@code item[]} arrays and {@code INET}. Values of types the driver does not know
 * (JSON, enums, INET, INTERVAL) are sent as untyped text for the server to convert.
 */
public class PostgresqlTypeCompiler extends TypeCompiler {
    private static final Pattern INTERVAL_PART = Pattern.compile(
            "(-?\\d+) (year|mon|day)s?|([+-]?)(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?");

    /**
     * Creates the compiler.
     *
     * @param dialect the PostgreSQL dialect
     */
    public PostgresqlTypeCompiler(PostgresqlDialect dialect) {
        super(dialect);
    }

    @Override
    public String render(SqlType<?> type) {
        if (type instanceof InetType) {
            return "INET";
        }
        return super.render(type);
    }

    @Override
    protected String visitDouble(DoubleType t) {
        return "DOUBLE PRECISION";
    }

    @Override
    protected String visitTime(TimeType t) {
        return "TIME WITHOUT TIME ZONE";
    }

    @Override
    protected String visitDateTime(DateTimeType t) {
        return "TIMESTAMP WITHOUT TIME ZONE";
    }

    @Override
    protected String visitLargeBinary(LargeBinaryType t) {
        return "BYTEA";
    }

    @Override
    protected String visitInterval(IntervalType t) {
        return "INTERVAL";
    }

    @Override
    protected String visitJson(JsonType<?> t) {
        return t.binary() ? "JSONB" : "JSON";
    }

    @Override
    protected String visitEnum(EnumType<?> t) {
        return t.nativeEnum() ? dialect.quote(t.typeName()) : super.visitEnum(t);
    }

    @Override
    public boolean enumIsSchemaType(EnumType<?> t) {
        return t.nativeEnum();
    }

    @Override
    protected String visitArray(ArrayType<?> t) {
        return render(t.itemType()) + "[]";
    }

    @Override
    protected ValueBinder<Duration> intervalBinder() {
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.OTHER);
            } else {
                st.setObject(i, (v.getSeconds() * 1_000_000L + v.getNano() / 1000) + " microseconds",
                        java.sql.Types.OTHER);
            }
        };
    }

    @Override
    protected ValueReader<Duration> intervalReader() {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : parseInterval(s);
        };
    }

    /**
     * Parses PostgreSQL's default interval output ({@code 1 year 2 mons 3 days -04:05:06.5}); months count as 30
     * days and years as 365.25, as PostgreSQL's own {@code extract(epoch ...)} does.
     *
     * @param text the interval text
     * @return the duration
     * @throws SQLException when the text is in another interval style
     */
    static Duration parseInterval(String text) throws SQLException {
        Matcher m = INTERVAL_PART.matcher(text);
        Duration d = Duration.ZERO;
        int matched = 0;
        while (m.find()) {
            matched++;
            if (m.group(2) != null) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "year" -> d.plusHours(n * 8766);
                    case "mon" -> d.plusDays(n * 30);
                    default -> d.plusDays(n);
                };
            } else {
                String frac = m.group(7) == null ? "" : m.group(7);
                long micros = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000").substring(0, 6));
                Duration t = Duration.ofHours(Long.parseLong(m.group(4))).plusMinutes(Long.parseLong(m.group(5)))
                        .plusSeconds(Long.parseLong(m.group(6))).plusNanos(micros * 1000);
                d = "-".equals(m.group(3)) ? d.minus(t) : d.plus(t);
            }
        }
        if (matched == 0) {
            throw new SQLException("Cannot read PostgreSQL interval '" + text + "': set IntervalStyle to 'postgres'",
                    "22007");
        }
        return d;
    }

    @Override
    protected <T> ValueBinder<T> jsonBinder(JsonType<T> t) {
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.OTHER);
            } else {
                st.setObject(i, toJson(v), java.sql.Types.OTHER);
            }
        };
    }

    @Override
    protected <E extends Enum<E>> ValueBinder<E> enumBinder(EnumType<E> t) {
        if (!t.nativeEnum()) {
            return super.enumBinder(t);
        }
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.OTHER);
            } else {
                st.setObject(i, v.name(), java.sql.Types.OTHER);
            }
        };
    }

    @Override
    public <T> ValueBinder<T> binder(SqlType<T> type) {
        if (type instanceof InetType) {
            @SuppressWarnings("unchecked")
            ValueBinder<T> b = (ValueBinder<T>) objectTextBinder();
            return b;
        }
        return super.binder(type);
    }

    private static ValueBinder<String> objectTextBinder() {
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.OTHER);
            } else {
                st.setObject(i, v, java.sql.Types.OTHER);
            }
        };
    }
}
