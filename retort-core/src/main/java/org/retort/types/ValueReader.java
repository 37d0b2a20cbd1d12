package org.retort.types;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column of the current row of a {@link ResultSet} into a Java value; resolved once per type and
 * dialect.
 *
 * @param <T> the Java type of the value
 */
@FunctionalInterface
public interface ValueReader<T> {

    /**
     * Reads the column.
     *
     * @param resultSet the result set positioned on a row
     * @param index the 1-based column index
     * @return the value, or null for SQL NULL
     * @throws SQLException when the driver cannot convert the value
     */
    T read(ResultSet resultSet, int index) throws SQLException;

    /**
     * The reader that returns whatever the driver gives for {@link ResultSet#getObject(int)}.
     *
     * @return the reader
     */
    static ValueReader<Object> object() {
        return ResultSet::getObject;
    }

    /**
     * The reader that asks the driver for a given class with {@link ResultSet#getObject(int, Class)},
     * or plain {@code getObject} for {@code Object}.
     *
     * @param type the Java class wanted
     * @param <T> the Java type
     * @return the reader
     */
    @SuppressWarnings("unchecked")
    static <T> ValueReader<T> as(Class<T> type) {
        if (type == Object.class) {
            return (ValueReader<T>) object();
        }
        return (resultSet, index) -> resultSet.getObject(index, type);
    }
}
