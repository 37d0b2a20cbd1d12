package org.retort.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.OrderByElement;
import org.retort.sql.Select;
import org.retort.sql.Subquery;
import org.retort.sql.TableAlias;

/**
 * A SELECT of entities and columns (SQLAlchemy's ORM-enabled {@code select(User)}), made by {@link Orm#select}.
 * It wraps a Core {@link Select} of the entities' columns and remembers which columns make up which entity, so
 * a {@link Session} turns rows into objects through its identity map. Immutable like {@code Select}.
 *
 * <pre>{@code
 * select(User.class).where(User_.name.eq("sandy")).orderBy(User_.id)
 * // SELECT user_account.id, user_account.name, user_account.fullname FROM user_account
 * //     WHERE user_account.name = ? ORDER BY user_account.id
 * }</pre>
 *
 * @param <T> the type of the first selected item (what {@code scalars()} returns)
 */
public final class OrmSelect<T> implements Executable {
    /** One selected item: an entity spread over several columns, or one column. */
    sealed interface Item permits EntityItem, ColumnItem {
    }

    /** An entity whose columns are {@code count} columns from {@code start}. */
    record EntityItem(Mapper<?> mapper, int start, int count) implements Item {
    }

    /** A single column at {@code index}. */
    record ColumnItem(int index) implements Item {
    }

    private final Select select;
    private final List<Item> items;
    private final boolean populateExisting;

    private OrmSelect(Select select, List<Item> items, boolean populateExisting) {
        this.select = select;
        this.items = items;
        this.populateExisting = populateExisting;
    }

    static <T> OrmSelect<T> of(Object... things) {
        List<Expression<?>> columns = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Object thing : things) {
            if (thing instanceof Class<?> c) {
                Mapper<?> m = Registry.published(c);
                items.add(new EntityItem(m, columns.size(), m.properties().size()));
                for (ColumnProperty p : m.properties()) {
                    columns.add(p.column());
                }
            } else if (thing instanceof Aliased<?> a) {
                Mapper<?> m = a.mapper();
                items.add(new EntityItem(m, columns.size(), m.properties().size()));
                TableAlias alias = a.alias();
                for (ColumnProperty p : m.properties()) {
                    columns.add(alias.corresponding(p.column()));
                }
            } else if (thing instanceof Expression<?> e) {
                items.add(new ColumnItem(columns.size()));
                columns.add(e);
            } else {
                throw new ArgumentException("Orm.select() takes entity classes, aliased(...) entities and column "
                        + "expressions; got " + (thing == null ? "null" : thing.getClass().getName()));
            }
        }
        return new OrmSelect<>(Select.of(columns.toArray()), List.copyOf(items), false);
    }

    private <R> OrmSelect<R> with(Select s) {
        return new OrmSelect<>(s, items, populateExisting);
    }

    List<Item> items() {
        return items;
    }

    boolean isPopulateExisting() {
        return populateExisting;
    }

    /**
     * Overwrites the fields of objects already in the identity map with the rows' values, discarding unflushed
     * changes (SQLAlchemy's {@code populate_existing} execution option).
     *
     * @return the new statement
     */
    public OrmSelect<T> populateExisting() {
        return new OrmSelect<>(select, items, true);
    }

    /** {@return the Core SELECT this statement runs, e.g. to use as a subquery} */
    public Select statement() {
        return select;
    }

    /**
     * {@return the statement with {@code WHERE conditions}}
     *
     * @param conditions conditions, ANDed
     */
    public OrmSelect<T> where(Expression<?>... conditions) {
        return with(select.where(conditions));
    }

    /**
     * {@code JOIN} an entity's table, the ON clause inferred from the foreign key between the tables.
     *
     * @param entity the entity class or {@link Aliased} entity to join
     * @return the new statement
     */
    public OrmSelect<T> join(Object entity) {
        return with(select.join(from(entity)));
    }

    /**
     * {@return the statement with {@code JOIN ... ON on}}
     *
     * @param entity the entity class or aliased entity @param on the condition
     */
    public OrmSelect<T> join(Object entity, Expression<?> on) {
        return with(select.join(from(entity), on));
    }

    /**
     * {@return the statement with {@code LEFT OUTER JOIN} (inferred ON)}
     *
     * @param entity the entity class or aliased entity
     */
    public OrmSelect<T> outerjoin(Object entity) {
        return with(select.outerjoin(from(entity)));
    }

    /**
     * {@return the statement with {@code LEFT OUTER JOIN ... ON on}}
     *
     * @param entity the entity class or aliased entity @param on the condition
     */
    public OrmSelect<T> outerjoin(Object entity, Expression<?> on) {
        return with(select.outerjoin(from(entity), on));
    }

    /**
     * {@return the new statement}
     *
     * @param items FROM items to add explicitly
     */
    public OrmSelect<T> selectFrom(Object... items) {
        FromClause[] f = new FromClause[items.length];
        for (int i = 0; i < items.length; i++) {
            f[i] = from(items[i]);
        }
        return with(select.selectFrom(f));
    }

    static FromClause from(Object entity) {
        if (entity instanceof Class<?> c) {
            return Registry.published(c).table();
        } else if (entity instanceof Aliased<?> a) {
            return a.alias();
        } else if (entity instanceof FromClause f) {
            return f;
        }
        throw new ArgumentException("Expected an entity class, an aliased entity or a FROM item; got "
                + (entity == null ? "null" : entity.getClass().getName()));
    }

    /**
     * {@return the statement with {@code ORDER BY items}}
     *
     * @param items expressions or order items
     */
    public OrmSelect<T> orderBy(OrderByElement... items) {
        return with(select.orderBy(items));
    }

    /**
     * {@return the statement with {@code GROUP BY items}}
     *
     * @param items grouping expressions
     */
    public OrmSelect<T> groupBy(Expression<?>... items) {
        return with(select.groupBy(items));
    }

    /**
     * {@return the statement with {@code HAVING conditions}}
     *
     * @param conditions conditions on groups
     */
    public OrmSelect<T> having(Expression<?>... conditions) {
        return with(select.having(conditions));
    }

    /**
     * {@return the statement with {@code LIMIT ?}}
     *
     * @param count the maximum number of rows
     */
    public OrmSelect<T> limit(int count) {
        return with(select.limit(count));
    }

    /**
     * {@return the statement with {@code OFFSET ?}}
     *
     * @param count rows to skip
     */
    public OrmSelect<T> offset(int count) {
        return with(select.offset(count));
    }

    /** {@return the statement with {@code SELECT DISTINCT}} */
    public OrmSelect<T> distinct() {
        return with(select.distinct());
    }

    /** {@return the statement with {@code FOR UPDATE}} */
    public OrmSelect<T> forUpdate() {
        return with(select.forUpdate());
    }

    /** {@return this query as an anonymous subquery} */
    public Subquery subquery() {
        return select.subquery();
    }

    /**
     * {@return this query as a named subquery}
     *
     * @param name the alias
     */
    public Subquery subquery(String name) {
        return select.subquery(name);
    }

    @Override
    public Compiled compile(Dialect dialect) {
        return select.compile(dialect);
    }

    @Override
    public Object cacheKey() {
        return select.cacheKey();
    }

    @Override
    public Map<String, Object> boundValues() {
        return select.boundValues();
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
