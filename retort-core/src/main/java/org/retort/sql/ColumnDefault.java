package org.retort.sql;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value a column receives when an INSERT (or UPDATE) does not set it, applied by the statement itself
 * (SQLAlchemy's client-side {@code default=} and {@code onupdate=}): a fixed value, a SQL expression rendered
 * inline, or a Java supplier called for every row executed. Server-side defaults need nothing here: the
 * database applies them. Columns report theirs through {@link ColumnClause#insertDefault()} and
 * {@link ColumnClause#updateDefault()}.
 */
public sealed interface ColumnDefault {

    /**
     * Whether the value is computed in Java (a fixed value or a supplier), so that it can be evaluated before the
     * statement runs, as the ORM does to put it into the object; SQL expressions and sequences cannot.
     *
     * @return true for {@link Scalar} and {@link Callable}
     */
    default boolean isClientValue() {
        return this instanceof Scalar || this instanceof Callable;
    }

    /**
     * The value of a Java-side default: the fixed value, or a fresh result of the supplier.
     *
     * @return the value
     * @throws IllegalStateException for a SQL-expression or sequence default, which only the database evaluates
     */
    default Object evaluate() {
        return switch (this) {
            case Scalar s -> s.value();
            case Callable c -> c.supplier().get();
            case SqlExpression x -> throw new IllegalStateException("A SQL expression default is evaluated by the "
                    + "database, not in Java: " + x.expression());
            case NextValue n -> throw new IllegalStateException("Sequence '" + n.name() + "' is evaluated by the "
                    + "database, not in Java");
        };
    }

    /**
     * A fixed value, bound as a parameter.
     *
     * @param value the value
     */
    record Scalar(Object value) implements ColumnDefault {
    }

    /**
     * A SQL expression rendered in the statement, such as {@code func.now()}.
     *
     * @param expression the expression
     */
    record SqlExpression(Expression<?> expression) implements ColumnDefault {

        /**
         * Creates the default.
         *
         * @param expression the expression
         */
        public SqlExpression {
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * A supplier called once per row executed, its result bound as a parameter.
     *
     * @param supplier the supplier
     */
    record Callable(Supplier<?> supplier) implements ColumnDefault {

        /**
         * Creates the default.
         *
         * @param supplier the supplier
         */
        public Callable {
            Objects.requireNonNull(supplier, "supplier");
        }
    }

    /**
     * The next value of a database sequence, rendered inline ({@code nextval('s')} on PostgreSQL,
     * {@code NEXT VALUE FOR s} on H2, MariaDB and SQL Server, {@code s.nextval} on Oracle). On a database without
     * sequences the column is left to the database's own autoincrement, as SQLAlchemy does.
     *
     * @param schema the sequence's schema, or null
     * @param name the sequence's name
     */
    record NextValue(String schema, String name) implements ColumnDefault {

        /**
         * Creates the default.
         *
         * @param schema schema or null
         * @param name name
         */
        public NextValue {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@return a fixed default}
     *
     * @param value the value
     */
    static ColumnDefault value(Object value) {
        return new Scalar(value);
    }

    /**
     * {@return a SQL-expression default}
     *
     * @param expression the SQL expression
     */
    static ColumnDefault sql(Expression<?> expression) {
        return new SqlExpression(expression);
    }

    /**
     * {@return a Java-side default}
     *
     * @param supplier called per row
     */
    static ColumnDefault callable(Supplier<?> supplier) {
        return new Callable(supplier);
    }
}
