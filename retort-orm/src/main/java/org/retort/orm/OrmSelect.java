package org.retort.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.dialect.Dialect;
import org.retort.engine.ExecutionOptions;
import org.retort.exc.ArgumentException;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.OrderByElement;
import org.retort.sql.Select;
import org.retort.sql.Subquery;
import org.retort.sql.Sql;
import org.retort.sql.TableAlias;
import org.retort.orm.loading.Load;
import org.retort.orm.loading.LoaderOption;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.orm.metamodel.RelationshipAttribute;

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
 * <p><b>One {@code select()} for Core and ORM.</b> An {@code OrmSelect} is also a Core statement: it takes any
 * Core columns and expressions, runs on a {@code Connection} (rows) as well as on a {@link Session} (objects),
 * and becomes a subquery, CTE, {@code EXISTS} or {@code UNION} like a Core {@code Select}. A file that uses both
 * layers imports the expression language on demand and {@code select} by name, which takes precedence:
 * <pre>{@code
 * import static org.retort.sql.Sql.*;
 * import static org.retort.orm.Orm.select;
 *
 * conn.execute(select(users.c("name")).where(users.c("id").gt(5)));   // rows
 * session.scalars(select(User.class).where(User_.name.like("s%")));    // objects
 * }</pre>
 *
 * @param <T> the type of the first selected item (what {@code scalars()} returns)
 */
public final class OrmSelect<T> implements Executable {
    /** One selected item: an entity spread over several columns, or one column. */
    public sealed interface Item permits EntityItem, ColumnItem {
    }

    /**
     * An entity whose columns are {@code count} columns from {@code start}.
     *
     * @param mapper the entity's mapper
     * @param start the first column
     * @param count how many columns
     * @param from the FROM item the columns come from (the table, or an alias)
     */
    public record EntityItem(Mapper<?> mapper, int start, int count, FromClause from) implements Item {
    }

    /**
     * A single column.
     *
     * @param index its position
     */
    public record ColumnItem(int index) implements Item {
    }

    private final Select select;
    private final List<Item> items;
    private final boolean populateExisting;
    private final List<LoaderOption> options;
    /** Execution options of the statement ({@link #yieldPer(int)}); null when none were given. */
    private final ExecutionOptions executionOptions;

    private OrmSelect(Select select, List<Item> items, boolean populateExisting, List<LoaderOption> options,
            ExecutionOptions executionOptions) {
        this.select = select;
        this.items = items;
        this.populateExisting = populateExisting;
        this.options = options;
        this.executionOptions = executionOptions;
    }

    static <T> OrmSelect<T> of(Object... things) {
        List<Expression<?>> columns = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Object thing : things) {
            if (thing instanceof Class<?> c) {
                Mapper<?> m = Registry.published(c);
                items.add(new EntityItem(m, columns.size(), m.properties().size(), m.table()));
                for (ColumnProperty p : m.properties()) {
                    columns.add(p.column());
                }
            } else if (thing instanceof Aliased<?> a) {
                Mapper<?> m = a.mapper();
                TableAlias alias = a.alias();
                items.add(new EntityItem(m, columns.size(), m.properties().size(), alias));
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
        return new OrmSelect<>(Select.of(columns.toArray()), List.copyOf(items), false, List.of(), null);
    }

    private <R> OrmSelect<R> with(Select s) {
        return new OrmSelect<>(s, items, populateExisting, options, executionOptions);
    }

    /** {@return the selected items, in row order} */
    public List<Item> items() {
        return items;
    }

    /** {@return true when loaded rows overwrite objects already in the identity map} */
    public boolean isPopulateExisting() {
        return populateExisting;
    }

    /** {@return the loader options, in the order given} */
    public List<LoaderOption> loadOptions() {
        return options;
    }

    /**
     * Says how relationships load for this query ({@link Load#selectinload}, {@link Load#joinedload},
     * {@link Load#raiseload}, ...); options add to those given before.
     *
     * @param loaderOptions the options
     * @return the new statement
     */
    public OrmSelect<T> options(LoaderOption... loaderOptions) {
        List<LoaderOption> all = new ArrayList<>(options);
        for (LoaderOption l : loaderOptions) {
            all.add(java.util.Objects.requireNonNull(l, "option"));
        }
        return new OrmSelect<>(select, items, populateExisting, List.copyOf(all), executionOptions);
    }

    /**
     * Overwrites the fields of objects already in the identity map with the rows' values, discarding unflushed
     * changes (SQLAlchemy's {@code populate_existing} execution option).
     *
     * @return the new statement
     */
    public OrmSelect<T> populateExisting() {
        return new OrmSelect<>(select, items, true, options, executionOptions);
    }

    /**
     * Loads the rows in batches of {@code n} as the result is read, instead of all at once when the statement
     * runs (SQLAlchemy's {@code yield_per} execution option). The database streams the rows ({@code fetchSize}
     * {@code n}); each batch becomes objects, their {@code selectinload} relationships load with one more SELECT
     * per batch, and objects the program no longer references leave the identity map. The result is read once;
     * close it (try-with-resources) when not reading it to the end. Joined eager loading and {@code subqueryload}
     * of the queried entities cannot load batch by batch and are refused.
     *
     * <pre>{@code
     * try (OrmResult result = session.execute(select(User.class).orderBy(User_.id).yieldPer(1000))) {
     *     for (List<User> batch : result.<User>scalars().partitions()) {
     *         ...
     *     }
     * }
     * }</pre>
     *
     * @param n rows per batch, at least 1
     * @return the new statement
     */
    public OrmSelect<T> yieldPer(int n) {
        return executionOptions(ExecutionOptions.defaults().yieldPer(n));
    }

    /**
     * Execution options for every execution of this statement (SQLAlchemy's
     * {@code select(...).execution_options(...)}); they add to any given before. {@code yieldPer} streams the
     * ORM result as {@link #yieldPer(int)} says; the others apply to the Core execution.
     *
     * @param more the options
     * @return the new statement
     */
    public OrmSelect<T> executionOptions(ExecutionOptions more) {
        java.util.Objects.requireNonNull(more, "options");
        if (more.isolationLevel().isPresent()) {
            throw new ArgumentException("An isolation level applies to the session's connection, not to one "
                    + "statement: set it on the engine or the session factory");
        }
        return new OrmSelect<>(select, items, populateExisting, options,
                executionOptions == null ? more : executionOptions.mergedWith(more));
    }

    /** {@return the statement's execution options; {@code ExecutionOptions.defaults()} when none were given} */
    public ExecutionOptions getExecutionOptions() {
        return executionOptions == null ? ExecutionOptions.defaults() : executionOptions;
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
     * {@code JOIN} an entity's table, the ON clause inferred from the foreign key between the tables; or, given a
     * relationship ({@code User_.addresses}), its target's table on the relationship's join (through the
     * association table for many-to-many).
     *
     * @param entity the entity class, {@link Aliased} entity or relationship attribute to join
     * @return the new statement
     */
    public OrmSelect<T> join(Object entity) {
        if (entity instanceof RelationshipAttribute<?, ?> r) {
            return with(joinAlong(select, r.property(), false));
        }
        return with(select.join(from(entity)));
    }

    /**
     * {@code JOIN} along a relationship to an aliased target ({@code join(User_.addresses, aliased(Address.class))}).
     *
     * @param relationship the relationship
     * @param target the aliased target
     * @return the new statement
     */
    public OrmSelect<T> join(RelationshipAttribute<?, ?> relationship, Aliased<?> target) {
        return with(joinAlong(select, relationship.property(), target.alias(), false));
    }

    /**
     * {@code LEFT OUTER JOIN} along a relationship.
     *
     * @param relationship the relationship
     * @return the new statement
     */
    public OrmSelect<T> outerjoin(RelationshipAttribute<?, ?> relationship) {
        return with(joinAlong(select, relationship.property(), true));
    }

    private static Select joinAlong(Select s, RelationshipProperty r, boolean outer) {
        return joinAlong(s, r, r.target().table(), outer);
    }

    private static Select joinAlong(Select s, RelationshipProperty r, FromClause target, boolean outer) {
        TableAlias alias = target instanceof TableAlias a ? a : null;
        if (r.direction() == RelationshipDirection.MANY_TO_MANY) {
            List<Expression<?>> first = new ArrayList<>();
            for (int i = 0; i < r.keySide().size(); i++) {
                first.add(r.secondaryParentColumns().get(i).eq(r.keySide().get(i).column()));
            }
            List<Expression<?>> second = new ArrayList<>();
            for (int i = 0; i < r.targetKey().size(); i++) {
                Expression<?> key = r.targetKey().get(i).column();
                second.add(r.secondaryTargetColumns().get(i).eq(alias == null ? key
                        : alias.corresponding(r.targetKey().get(i).column())));
            }
            Expression<?> on1 = Sql.and_(first.toArray(Expression<?>[]::new));
            Expression<?> on2 = Sql.and_(second.toArray(Expression<?>[]::new));
            return outer ? s.outerjoin(r.secondary(), on1).outerjoin(target, on2)
                    : s.join(r.secondary(), on1).join(target, on2);
        }
        List<Expression<?>> on = new ArrayList<>();
        boolean targetHoldsFk = r.direction() == RelationshipDirection.ONE_TO_MANY;
        for (int i = 0; i < r.keySide().size(); i++) {
            Expression<?> fk = r.fkSide().get(i).column();
            Expression<?> key = r.keySide().get(i).column();
            if (alias != null) {
                if (targetHoldsFk) {
                    fk = alias.corresponding(r.fkSide().get(i).column());
                } else {
                    key = alias.corresponding(r.keySide().get(i).column());
                }
            }
            on.add(fk.eq(key));
        }
        Expression<?> cond = Sql.and_(on.toArray(Expression<?>[]::new));
        return outer ? s.outerjoin(target, cond) : s.join(target, cond);
    }

    /**
     * {@return the statement with {@code JOIN ... ON on}}
     *
     * @param entity the entity class or aliased entity
     * @param on the condition
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
     * @param entity the entity class or aliased entity
     * @param on the condition
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

    /**
     * {@return the FROM item of an entity class, aliased entity or FROM item}
     *
     * @param entity the entity
     */
    public static FromClause from(Object entity) {
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

    /**
     * {@return this query as {@code LATERAL (SELECT ...) AS name}}
     *
     * @param name the alias
     */
    public Subquery lateral(String name) {
        return select.lateral(name);
    }

    /**
     * {@return this query as a common table expression, {@code WITH name AS (...)}}
     *
     * @param name the CTE name
     */
    public org.retort.sql.Cte cte(String name) {
        return select.cte(name);
    }

    /**
     * {@return this query as a recursive CTE; complete it with {@code unionAll}}
     *
     * @param name the CTE name
     * @param recursive true for {@code WITH RECURSIVE}
     */
    public org.retort.sql.Cte cte(String name, boolean recursive) {
        return select.cte(name, recursive);
    }

    /** {@return {@code EXISTS (this query)}} */
    public org.retort.sql.Exists exists() {
        return select.exists();
    }

    /**
     * {@return this one-column query as a scalar subquery expression}
     *
     * @param <V> the column's type
     */
    public <V> org.retort.sql.ScalarSelect<V> scalarSubquery() {
        return select.scalarSubquery();
    }

    /**
     * {@return {@code this UNION ALL others}, a Core compound statement}
     *
     * @param others the other queries (Core or ORM)
     */
    public org.retort.sql.CompoundSelect unionAll(Object... others) {
        return select.unionAll(core(others));
    }

    /**
     * {@return {@code this UNION others}, a Core compound statement}
     *
     * @param others the other queries (Core or ORM)
     */
    public org.retort.sql.CompoundSelect union(Object... others) {
        return select.union(core(others));
    }

    private static org.retort.sql.SelectBase[] core(Object[] queries) {
        org.retort.sql.SelectBase[] out = new org.retort.sql.SelectBase[queries.length];
        for (int i = 0; i < queries.length; i++) {
            out[i] = switch (queries[i]) {
                case OrmSelect<?> o -> o.statement();
                case org.retort.sql.SelectBase b -> b;
                default -> throw new ArgumentException("union() takes SELECT statements; got " + queries[i]);
            };
        }
        return out;
    }

    /**
     * {@return the statement with more columns in its SELECT list (read as plain values)}
     *
     * @param columns expressions
     */
    public OrmSelect<T> addColumns(Expression<?>... columns) {
        List<Item> more = new ArrayList<>(items);
        int at = select.selectedColumns().size();
        for (int i = 0; i < columns.length; i++) {
            more.add(new ColumnItem(at + i));
        }
        return new OrmSelect<>(select.addColumns(columns), List.copyOf(more), populateExisting, options,
                executionOptions);
    }

    /**
     * {@return the statement with {@code DISTINCT ON (...)} (PostgreSQL)}
     *
     * @param on the expressions
     */
    public OrmSelect<T> distinctOn(Expression<?>... on) {
        return with(select.distinctOn(on));
    }

    /**
     * {@return the statement with a WHERE condition (SQLAlchemy's {@code filter}, the same as {@link #where})}
     *
     * @param conditions conditions, ANDed
     */
    public OrmSelect<T> filter(Expression<?>... conditions) {
        return where(conditions);
    }

    @Override
    public Compiled compile(Dialect dialect) {
        return select.compile(dialect);
    }

    @Override
    public Compiled compile(Dialect dialect, org.retort.sql.SchemaTranslateMap schemas) {
        return select.compile(dialect, schemas);
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
