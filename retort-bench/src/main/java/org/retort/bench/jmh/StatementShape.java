package org.retort.bench.jmh;

import org.retort.sql.Executable;
import org.retort.sql.Sql;

/**
 * The statements {@link CompileBenchmark} compiles. JMH runs the benchmark once per constant, so a new shape
 * (for example the same SELECT built with the expression language, once {@code select()} exists) is one new
 * constant with its {@link #build()} method, and nothing else changes.
 */
public enum StatementShape {
    /**
     * A SELECT with three joins and five predicates, written as {@code text()} with five bind parameters.
     */
    TEXT_3_JOIN_5_PREDICATE {
        @Override
        public Executable build() {
            return Sql.text("SELECT u.id, u.name, a.email, o.total, p.title FROM user_account u"
                    + " JOIN address a ON a.user_id = u.id"
                    + " JOIN orders o ON o.user_id = u.id"
                    + " JOIN product p ON p.id = o.product_id"
                    + " WHERE u.name LIKE :name AND a.email <> :email AND o.total > :total"
                    + " AND p.title IN (:title1, :title2) AND u.id BETWEEN :lo AND :hi"
                    + " ORDER BY o.total DESC");
        }
    };

    /**
     * Builds the statement anew, as application code does on each call.
     *
     * @return a new statement object of this shape
     */
    public abstract Executable build();
}
