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

    /** @param value the value @return a fixed default */
    static ColumnDefault value(Object value) {
        return new Scalar(value);
    }

    /** @param expression the SQL expression @return a SQL-expression default */
    static ColumnDefault sql(Expression<?> expression) {
        return new SqlExpression(expression);
    }

    /** @param supplier called per row @return a Java-side default */
    static ColumnDefault callable(Supplier<?> supplier) {
        return new Callable(supplier);
    }
}
