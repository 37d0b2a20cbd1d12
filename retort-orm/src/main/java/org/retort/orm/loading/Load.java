package org.retort.orm.loading;

import java.util.List;
import java.util.Objects;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.orm.metamodel.RelationshipAttribute;

/**
 * The loader options (SQLAlchemy's {@code selectinload}, {@code joinedload}, ...): how a relationship loads in one
 * query, given to {@link org.retort.orm.OrmSelect#options}. Each makes a {@link LoaderOption}, which chains
 * along a path of relationships, each step with its own strategy:
 *
 * <pre>{@code
 * import static org.retort.orm.loading.Load.*;
 *
 * session.scalars(select(User.class).options(
 *         selectinload(User_.orders).joinedload(Order_.items),   // 2 more SELECTs: orders, joined with items
 *         raiseload(User_.addresses)))                            // touching addresses throws
 *     .all();
 * }</pre>
 *
 * <p>Without an option a relationship loads as its mapping says ({@code @Relationship(lazy = ...)}, by default
 * collections on first access and references when their objects load).
 */
public final class Load {
    private Load() {
    }

    /**
     * Loads the relationship with a second SELECT, {@code WHERE key IN (...)} over the parents just loaded
     * (chunked for large results).
     *
     * @param attribute the relationship
     * @return the option
     */
    public static LoaderOption selectinload(RelationshipAttribute<?, ?> attribute) {
        return LoaderOption.start(attribute, Lazy.SELECTIN);
    }

    /**
     * Loads the relationship in the same SELECT by a LEFT OUTER JOIN; with LIMIT/OFFSET and a collection the
     * parents' query is wrapped in a subquery, so the limit counts parents, not joined rows.
     *
     * @param attribute the relationship
     * @return the option
     */
    public static LoaderOption joinedload(RelationshipAttribute<?, ?> attribute) {
        return LoaderOption.start(attribute, Lazy.JOINED);
    }

    /**
     * Loads the relationship with a second SELECT joined to the parents' query as a subquery.
     *
     * @param attribute the relationship
     * @return the option
     */
    public static LoaderOption subqueryload(RelationshipAttribute<?, ?> attribute) {
        return LoaderOption.start(attribute, Lazy.SUBQUERY);
    }

    /**
     * Loads the relationship lazily: a collection on first access, a reference when its object loads.
     *
     * @param attribute the relationship
     * @return the option
     */
    public static LoaderOption lazyload(RelationshipAttribute<?, ?> attribute) {
        return LoaderOption.start(attribute, Lazy.SELECT);
    }

    /**
     * Does not load the relationship; accessing the collection throws {@link org.retort.orm.LazyLoadException}
     * (a reference stays null and is listed by {@code inspect(obj).unloaded()}).
     *
     * @param attribute the relationship
     * @return the option
     */
    public static LoaderOption raiseload(RelationshipAttribute<?, ?> attribute) {
        return LoaderOption.start(attribute, Lazy.RAISE);
    }

    /**
     * {@link #raiseload} for every relationship of a class that no other option names: the query loads exactly
     * what its options say.
     *
     * @param entity the class
     * @return the option
     */
    public static LoaderOption raiseloadAll(Class<?> entity) {
        return LoaderOption.of(List.of(new LoaderOption.Step(Objects.requireNonNull(entity, "entity"), "*", Lazy.RAISE)));
    }

    /**
     * Does not load the relationship: an empty collection, a null reference.
     *
     * @param attribute the relationship
     * @return the option
     */
    public static LoaderOption noload(RelationshipAttribute<?, ?> attribute) {
        return LoaderOption.start(attribute, Lazy.NOLOAD);
    }

    /**
     * Loads a relationship from the columns of a join the query itself makes (SQLAlchemy's
     * {@code contains_eager}): {@code select(Author.class).join(Author_.posts).where(...)
     * .options(containsEager(Author_.posts))} fills each author's posts with the joined rows, so a filter on
     * the join filters the collection too.
     *
     * @param attribute the relationship the query joins along
     * @return the option
     */
    public static LoaderOption containsEager(RelationshipAttribute<?, ?> attribute) {
        return LoaderOption.containsEager(attribute, null);
    }

    /**
     * {@link #containsEager(RelationshipAttribute)} for a join to an aliased target
     * ({@code join(Author_.posts, p)} with {@code p = aliased(Post.class)}).
     *
     * @param attribute the relationship
     * @param alias the aliased target the query joins
     * @return the option
     */
    public static LoaderOption containsEager(RelationshipAttribute<?, ?> attribute, org.retort.orm.Aliased<?> alias) {
        return LoaderOption.containsEager(attribute, Objects.requireNonNull(alias, "alias"));
    }

    /**
     * Adds a condition to every SELECT that loads objects of a class in this query (SQLAlchemy's
     * {@code with_loader_criteria}): the query itself when it selects the class, and the loads of relationships
     * to it (selectin, subquery, joined, reference batches, and later lazy loads of collections of the objects it
     * returned). The usual use is a soft-delete filter.
     *
     * <pre>{@code
     * session.scalars(select(Author.class).options(selectinload(Author_.posts),
     *         withLoaderCriteria(Post.class, Post_.deleted.eq(false))))
     * }</pre>
     *
     * @param entity the class whose loads get the condition
     * @param criteria a condition on the class's columns
     * @return the option
     */
    public static LoaderOption withLoaderCriteria(Class<?> entity, org.retort.sql.Expression<Boolean> criteria) {
        return LoaderOption.criteria(Objects.requireNonNull(entity, "entity"), Objects.requireNonNull(criteria,
                "criteria"));
    }

    /**
     * Leaves columns out of the query (SQLAlchemy's {@code defer}): their fields keep their initial value and
     * {@code inspect(obj).unloaded()} lists them; {@code session.refresh(obj, "field")} loads one later. A field
     * assigned meanwhile is written by the next flush. For the columns of related objects, chain it:
     * {@code selectinload(User_.addresses).defer(Address_.notes)}.
     *
     * @param attributes columns of one class
     * @return the option
     */
    public static LoaderOption defer(ColumnAttribute<?, ?>... attributes) {
        return LoaderOption.columns(LoaderOption.ColumnRuleKind.DEFER, attributes);
    }

    /**
     * Loads columns the mapping defers ({@code @MappedColumn(deferred = true)}) with this query.
     *
     * @param attributes columns of one class
     * @return the option
     */
    public static LoaderOption undefer(ColumnAttribute<?, ?>... attributes) {
        return LoaderOption.columns(LoaderOption.ColumnRuleKind.UNDEFER, attributes);
    }

    /**
     * Loads only these columns of a class, and its primary key (SQLAlchemy's {@code load_only}).
     *
     * @param attributes columns of one class
     * @return the option
     */
    public static LoaderOption loadOnly(ColumnAttribute<?, ?>... attributes) {
        return LoaderOption.columns(LoaderOption.ColumnRuleKind.LOAD_ONLY, attributes);
    }
}
