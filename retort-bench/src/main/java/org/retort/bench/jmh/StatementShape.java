package org.retort.bench.jmh;

import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.foreignKey;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.NUMERIC;
import static org.retort.types.Types.VARCHAR;

import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.sql.Executable;
import org.retort.sql.Sql;

/**
 * The statements {@link CompileBenchmark} compiles. JMH runs the benchmark once per constant, so a new shape is
 * one new constant with its {@link #build()} method, and nothing else changes.
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
    },
    /**
     * The same SELECT built with the expression language on {@code org.retort.schema} tables: three joins with
     * explicit ON clauses, five predicates whose literals become bind parameters, ORDER BY.
     *
     * <pre>{@code
     * SELECT user_account.id, user_account.name, address.email, orders.total, product.title
     * FROM user_account JOIN address ON address.user_id = user_account.id
     * JOIN orders ON orders.user_id = user_account.id JOIN product ON product.id = orders.product_id
     * WHERE user_account.name LIKE ? AND address.email != ? AND orders.total > ?
     * AND product.title IN (?, ?) AND user_account.id BETWEEN ? AND ? ORDER BY orders.total DESC
     * }</pre>
     */
    SELECT_3_JOIN_5_PREDICATE {
        @Override
        public Executable build() {
            Table u = Tables.USER;
            Table a = Tables.ADDRESS;
            Table o = Tables.ORDERS;
            Table p = Tables.PRODUCT;
            return Sql.select(u.c("id"), u.c("name"), a.c("email"), o.c("total"), p.c("title"))
                    .join(a, a.c("user_id").eq(u.c("id")))
                    .join(o, o.c("user_id").eq(u.c("id")))
                    .join(p, p.c("id").eq(o.c("product_id")))
                    .where(u.c("name").like("s%"), a.c("email").ne("nobody@example.com"), o.c("total").gt(100),
                            p.c("title").in("sponge", "rock"), u.c("id").between(1, 1000))
                    .orderBy(o.c("total").desc());
        }
    };

    /**
     * Builds the statement anew, as application code does on each call.
     *
     * @return a new statement object of this shape
     */
    public abstract Executable build();

    /** The tables of {@link #SELECT_3_JOIN_5_PREDICATE}, declared once. */
    private static final class Tables {
        private static final MetaData METADATA = new MetaData();
        static final Table USER = METADATA.table("user_account",
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(30)));
        static final Table ADDRESS = METADATA.table("address",
                column("id", INTEGER, primaryKey()),
                column("user_id", INTEGER, foreignKey("user_account.id")),
                column("email", VARCHAR(100)));
        static final Table PRODUCT = METADATA.table("product",
                column("id", INTEGER, primaryKey()),
                column("title", VARCHAR(100)));
        static final Table ORDERS = METADATA.table("orders",
                column("id", INTEGER, primaryKey()),
                column("user_id", INTEGER, foreignKey("user_account.id")),
                column("product_id", INTEGER, foreignKey("product.id")),
                column("total", NUMERIC(10, 2)));

        private Tables() {
        }
    }
}
