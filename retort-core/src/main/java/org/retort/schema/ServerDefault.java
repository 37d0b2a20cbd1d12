package org.retort.schema;

import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.sql.Expression;
import org.retort.sql.FunctionCall;

/**
 * A default the database applies, written as SQL text in the column's DDL ({@code DEFAULT now()}), or with
 * {@code onUpdate} set, a value the database changes on UPDATE (SQLAlchemy's {@code server_default} and
 * {@code server_onupdate}; MySQL renders the latter as {@code ON UPDATE ...}, other databases need a trigger and
 * Retort only records that the database changes the value).
 *
 * <p>The text is SQL, not a value: a string literal must carry its quotes, {@code serverDefault("'new'")}. A
 * default given as an expression ({@code serverDefault(func.now())}) is rendered by each dialect's compiler, so
 * {@code now()} becomes {@code CURRENT_TIMESTAMP} where the database has no {@code now()}; its values are written
 * as literals.
 *
 * @param sql the SQL expression (for an expression default, its generic rendering)
 * @param onUpdate true for a server-side ON UPDATE value
 * @param expression the expression to render per dialect, or null when the default is SQL text
 */
public record ServerDefault(String sql, boolean onUpdate, Expression<?> expression) implements ColumnOption {

    /**
     * Checks the text.
     *
     * @param sql the SQL expression
     * @param onUpdate true for a server-side ON UPDATE value
     * @param expression the expression, or null
     */
    public ServerDefault {
        Objects.requireNonNull(sql, "sql");
    }

    /**
     * A default written as SQL text.
     *
     * @param sql the SQL expression
     * @param onUpdate true for a server-side ON UPDATE value
     */
    public ServerDefault(String sql, boolean onUpdate) {
        this(sql, onUpdate, null);
    }

    /**
     * The default as this dialect writes it in DDL: the text as given, or the expression compiled for the
     * dialect, in parentheses unless it is a current-time function (which MySQL's {@code ON UPDATE} needs bare).
     *
     * @param dialect the dialect
     * @return the SQL after {@code DEFAULT}
     */
    public String sql(Dialect dialect) {
        if (expression == null) {
            return sql;
        }
        String rendered = dialect.sqlCompiler().renderLiteral(expression);
        boolean bare = expression instanceof FunctionCall<?> f && f.arguments().isEmpty()
                && (f.name().equalsIgnoreCase("now") || f.name().equalsIgnoreCase("current_timestamp"));
        return bare ? rendered : "(" + rendered + ")";
    }
}
