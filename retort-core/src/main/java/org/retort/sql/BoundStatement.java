package org.retort.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import org.retort.exc.ArgumentException;
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
     * @throws ArgumentException when a binder refuses a value; the message names the parameter
     */
    public void bindTo(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            try {
                binders[i].bind(statement, i + 1, values[i]);
            } catch (ArgumentException e) {
                throw new ArgumentException("Bind parameter '" + names[i] + "': " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new ArgumentException("Bind parameter '" + names[i] + "' could not be bound: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "; pass a value of the column's Java type", e);
            }
        }
    }

    @Override
    public String toString() {
        return sql + " " + Arrays.toString(values);
    }
}
