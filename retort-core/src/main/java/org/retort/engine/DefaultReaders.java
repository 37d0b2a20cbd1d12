package org.retort.engine;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.retort.types.ValueReader;

/**
 * Readers for result columns whose type the statement does not know (textual SQL, untyped expressions): the
 * driver's value, except that date and time values come back as {@code java.time} types, never as
 * {@code java.sql.Timestamp}, {@code Date} or {@code Time}, and large objects come back as their value
 * ({@code String} for a CLOB, {@code byte[]} for a BLOB), never as a {@code java.sql.Clob} tied to the cursor. A TIMESTAMP WITH TIME ZONE becomes an
 * {@link OffsetDateTime}, a TIME WITH TIME ZONE an {@link OffsetTime}. Where the driver cannot convert (SQLite
 * keeps them as text in columns declared DATE, TIME or TIMESTAMP), ISO text is parsed.
 */
final class DefaultReaders {
    private static final ValueReader<Object> NORMALIZING = (rs, i) -> normalize(rs.getObject(i));

    private DefaultReaders() {
    }

    static ValueReader<?> forColumn(ResultSetMetaData md, int column, boolean datesAsText) throws SQLException {
        return forColumn(md.getColumnType(column), md.getColumnTypeName(column), datesAsText);
    }

    /**
     * The reader for a column of the given JDBC type code and database type name.
     *
     * @param type the {@link Types} code the driver reports
     * @param typeName the driver's type name; may be null
     * @param datesAsText whether the database keeps dates as text (SQLite)
     * @return a new reader (readers of date and time columns keep state for one result)
     */
    static ValueReader<?> forColumn(int type, String typeName, boolean datesAsText) {
        String name = String.valueOf(typeName).toLowerCase(Locale.ROOT);
        boolean zoned = name.contains("tz") || name.contains("time zone");
        return switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> new Typed(OffsetDateTime.class, datesAsText);
            case Types.TIMESTAMP -> new Typed(zoned ? OffsetDateTime.class : LocalDateTime.class, datesAsText);
            case Types.TIME_WITH_TIMEZONE -> new Typed(OffsetTime.class, datesAsText);
            case Types.TIME -> new Typed(zoned ? OffsetTime.class : LocalTime.class, datesAsText);
            case Types.DATE -> new Typed(LocalDate.class, datesAsText);
            // large objects live only as long as their transaction (H2 reports TEXT as CLOB): read the value
            case Types.CLOB, Types.NCLOB -> (ValueReader<Object>) ResultSet::getString;
            case Types.BLOB -> (ValueReader<Object>) ResultSet::getBytes;
            default -> switch (name) { // drivers that report only the declared type's name (SQLite)
                case "date" -> new Typed(LocalDate.class, datesAsText);
                case "time" -> new Typed(LocalTime.class, datesAsText);
                case "datetime", "timestamp" -> new Typed(LocalDateTime.class, datesAsText);
                default -> NORMALIZING;
            };
        };
    }

    static Object normalize(Object v) {
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return v;
    }

    /**
     * Asks the driver for a java.time class; when the driver cannot convert (SQLite keeps dates as text), falls
     * back to its plain value, normalized, for the rest of the result.
     */
    private static final class Typed implements ValueReader<Object> {
        private final Class<?> type;
        private boolean typedWorks;

        Typed(Class<?> type, boolean datesAsText) {
            this.type = type;
            this.typedWorks = !datesAsText;
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            if (typedWorks) {
                try {
                    return rs.getObject(index, type);
                } catch (SQLException | RuntimeException e) {
                    typedWorks = false;
                }
            }
            // SQLite keeps dates as text; asking its driver for an object makes it try (and fail, with an
            // exception per value) to parse the text itself, so read the text and parse ISO here
            String text = rs.getString(index);
            if (text == null) {
                return null;
            }
            Object parsed = parse(text);
            return parsed != null ? parsed : normalize(rs.getObject(index));
        }

        /** SQLite keeps dates and times as ISO text; parse them when they are in that form, else null. */
        private Object parse(String text) {
            try {
                if (type == LocalDate.class) {
                    return LocalDate.parse(text);
                }
                if (type == LocalTime.class) {
                    return LocalTime.parse(text);
                }
                if (type == LocalDateTime.class) {
                    return LocalDateTime.parse(text.replace(' ', 'T'));
                }
                if (type == OffsetDateTime.class) {
                    return OffsetDateTime.parse(text.replace(' ', 'T'));
                }
            } catch (DateTimeParseException e) {
                // not ISO text: the caller takes the value as the driver gives it
            }
            return null;
        }
    }
}
