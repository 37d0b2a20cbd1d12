package org.retort.sql;

import java.util.List;
import java.util.Objects;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;
import org.retort.sql.internal.LiteralTypes;

/**
 * A sample of a table's rows in FROM (SQLAlchemy's {@code tablesample()}): {@code t TABLESAMPLE SYSTEM (10)
 * REPEATABLE (42)} on PostgreSQL, {@code t TABLESAMPLE (10 PERCENT) REPEATABLE (42)} on SQL Server,
 * {@code t SAMPLE (10) SEED (42)} on Oracle. SQLite, H2, MySQL and MariaDB have no sampling and refuse it at
 * compile time.
 *
 * <pre>{@code
 * TableSample s = TableSample.of(users, TableSample.Method.BERNOULLI, 10).alias("s");
 * select(s.c("name"))               // SELECT s.name FROM users AS s TABLESAMPLE BERNOULLI (?)
 * }</pre>
 *
 * @param table the sampled table
 * @param method SYSTEM (pages) or BERNOULLI (rows)
 * @param percentage the share of the table, a bind parameter
 * @param seed the seed that repeats a sample, or null
 * @param name the alias, or null for an anonymous one
 */
public record TableSample(TableClause table, Method method, Expression<?> percentage, Expression<?> seed, String name)
        implements FromClause {

    /** How rows are chosen. */
    public enum Method {
        /** Whole pages at a time (PostgreSQL {@code SYSTEM}; SQL Server and Oracle sample this way). */
        SYSTEM,
        /** Each row on its own (PostgreSQL {@code BERNOULLI}; Oracle's row sampling). */
        BERNOULLI
    }

    /**
     * Checks the parts.
     *
     * @param table the table
     * @param method the method
     * @param percentage the percentage
     * @param seed the seed or null
     * @param name the alias or null
     */
    public TableSample {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(percentage, "percentage");
    }

    /**
     * A sample of a percentage of a table.
     *
     * @param table the table
     * @param method SYSTEM or BERNOULLI
     * @param percentage 0 to 100
     * @return the sample, anonymous until {@link #alias(String)}
     */
    public static TableSample of(TableClause table, Method method, double percentage) {
        if (percentage < 0 || percentage > 100 || Double.isNaN(percentage)) {
            throw new ArgumentException("A table sample takes a percentage from 0 to 100, got " + percentage);
        }
        return new TableSample(table, method, new BindParameter<>("percentage", percentage,
                LiteralTypes.forClass(Double.class), false, true, true), null, null);
    }

    /**
     * {@return this sample repeatable with a seed: the same seed gives the same rows while the table is unchanged}
     *
     * @param value the seed
     */
    public TableSample repeatable(int value) {
        return new TableSample(table, method, percentage, Coercions.literal("seed", value), name);
    }

    /**
     * {@return this sample under an alias}
     *
     * @param alias the name
     */
    public TableSample alias(String alias) {
        return new TableSample(table, method, percentage, seed, Objects.requireNonNull(alias, "alias"));
    }

    @Override
    public DerivedColumn<Object> c(String columnName) {
        ColumnClause<Object> col = table.c(columnName);
        return new DerivedColumn<>(this, col.name(), col.type());
    }

    @Override
    public List<DerivedColumn<?>> columns() {
        return table.columns().stream().<DerivedColumn<?>>map(col -> c(col.name())).toList();
    }

    @Override
    public String toString() {
        return table.fullName() + " TABLESAMPLE " + method;
    }
}
