package org.retort.types;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Sets one parameter of a {@link PreparedStatement} from a Java value; resolved once per type and dialect.
 *
 * @param <T> the Java type of the value
 */
@FunctionalInterface
public interface ValueBinder<T> {

    /**
     * Binds a value, which may be null.
     *
     * @param statement the statement
     * @param index the 1-based parameter index
     * @param value the value, or null for SQL NULL
     * @throws SQLException when the driver refuses the value
     */
    void bind(PreparedStatement statement, int index, T value) throws SQLException;

    /**
     * The binder that hands values to {@link PreparedStatement#setObject(int, Object)} and NULL as
     * {@link Types#NULL}; right for every type the driver converts itself.
     *
     * @param <T> the Java type
     * @return the binder
     */
    static <T> ValueBinder<T> object() {
        return (statement, index, value) -> {
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else {
                statement.setObject(index, value);
            }
        };
    }
}
