package org.retort.sql;

import java.util.Objects;
import org.retort.types.SqlType;

/**
 * The next value of a database sequence: {@code nextval('s')} on PostgreSQL, {@code NEXT VALUE FOR s} on H2,
 * MariaDB and SQL Server, {@code s.nextval} on Oracle. On a database without sequences it renders {@code NULL},
 * so a column's own autoincrement applies (SQLAlchemy ignores sequences there too). INSERT uses it for columns
 * declared with a {@code Sequence}.
 *
 * @param schema the sequence's schema, or null
 * @param name the sequence's name
 * @param type the type of the values
 * @param <T> the Java type of the values
 */
public record SequenceNextValue<T>(String schema, String name, SqlType<T> type) implements Expression<T> {

    /**
     * Creates the expression.
     *
     * @param schema schema or null
     * @param name name
     * @param type value type
     */
    public SequenceNextValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
