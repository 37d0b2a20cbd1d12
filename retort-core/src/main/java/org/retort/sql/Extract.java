package org.retort.sql;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.LiteralTypes;
import org.retort.types.SqlType;

/**
 * {@code EXTRACT(field FROM expression)}: a part of a date or timestamp (SQLAlchemy's {@code extract()}).
 * SQLite renders it with {@code strftime}, SQL Server with {@code DATEPART}.
 *
 * @param field the part: year, month, day, hour, minute or second
 * @param expression the date or timestamp
 */
public record Extract(String field, Expression<?> expression) implements Expression<Long> {
    private static final Set<String> FIELDS = Set.of("year", "month", "day", "hour", "minute", "second");

    /**
     * Creates the expression.
     *
     * @param field the part
     * @param expression the value
     */
    public Extract {
        Objects.requireNonNull(expression, "expression");
        field = field == null ? "" : field.toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field)) {
            throw new ArgumentException("extract() field must be one of " + FIELDS + ", got '" + field + "'");
        }
    }

    @Override
    public SqlType<Long> type() {
        return LiteralTypes.longType();
    }

    /** @return the expression as generic SQL with {@code :name} parameters */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
