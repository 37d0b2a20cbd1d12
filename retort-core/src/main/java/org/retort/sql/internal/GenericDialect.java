package org.retort.sql.internal;

import org.retort.dialect.Dialect;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.ReservedWords;
import org.retort.engine.URL;
import org.retort.exc.InvalidRequestException;
import org.retort.sql.Statement;
import org.retort.sql.compiler.SqlCompiler;

/**
 * The dialect statements render with in {@code toString()}: standard SQL, double-quote quoting, and named
 * {@code :param} placeholders (SQLAlchemy's {@code StrSQLCompiler} on the default dialect). It only renders;
 * it cannot connect.
 */
public final class GenericDialect extends Dialect {
    /** The single instance. */
    public static final GenericDialect INSTANCE = new GenericDialect();
    private static final IdentifierPreparer PREPARER = new IdentifierPreparer("\"", "\"", ReservedWords.SQL_STANDARD,
            false);

    private GenericDialect() {
    }

    /**
     * Renders a statement as generic SQL with {@code :name} placeholders, for its {@code toString()}; never throws.
     *
     * @param statement the statement
     * @return the SQL
     */
    public static String render(Statement statement) {
        try {
            return INSTANCE.sqlCompiler().renderNamed(statement);
        } catch (RuntimeException e) {
            return statement.getClass().getSimpleName() + "(cannot render: " + e.getMessage() + ")";
        }
    }

    /**
     * Renders an expression as generic SQL, for its {@code toString()}; never throws.
     *
     * @param expression the expression
     * @return the SQL, or a placeholder naming the expression's class when it cannot render
     */
    public static String render(org.retort.sql.Expression<?> expression) {
        try {
            return INSTANCE.sqlCompiler().renderNamed(expression);
        } catch (RuntimeException e) {
            return expression.getClass().getSimpleName() + "(" + e.getMessage() + ")";
        }
    }

    @Override
    public SqlCompiler sqlCompiler() {
        return new StringCompiler(this);
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String jdbcUrl(URL url) {
        throw new InvalidRequestException("The generic dialect renders SQL for toString() only and cannot connect");
    }

    @Override
    public String driverClassName() {
        throw new InvalidRequestException("The generic dialect renders SQL for toString() only and has no driver");
    }

    @Override
    public String driverCoordinates() {
        return "(none)";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }
}
