package org.retort.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import org.retort.types.ValueBinder;

/**
 * The final SQL of one execution and its positional values, ready for a {@link PreparedStatement}.
 *
 * @param sql the SQL with {@code ?} placeholders
 * @param names the bind name of each position, for messages and logging
 * @param values the value of each position
 * @param binders the binder of each position
 */
public record BoundStatement(String sql, String[] names, Object[] values, ValueBinder<Object>[] binders) {

    /**
     * Sets every parameter of a prepared statement.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @throws SQLException when the driver refuses a value
     */
    public void bindTo(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            binders[i].bind(statement, i + 1, values[i]);
        }
    }

    @Override
    public String toString() {
        return sql + " " + Arrays.toString(values);
    }
}
