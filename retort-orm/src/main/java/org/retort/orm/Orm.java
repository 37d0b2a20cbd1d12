package org.retort.orm;

import java.util.Objects;
import org.retort.exc.ArgumentException;
import org.retort.sql.Expression;
import org.retort.orm.mapping.Mapper;

/**
 * Static entry points of the ORM's statements, for {@code import static org.retort.orm.Orm.*}: ORM-enabled
 * {@code select}, {@code insert}, {@code update}, {@code delete} and {@code aliased}. They take entity classes
 * where Core's {@link org.retort.sql.Sql} takes tables; Core stays unaware of the ORM.
 *
 * <pre>{@code
 * session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
 * session.execute(select(User.class, Address_.emailAddress).join(Address.class)).all();
 * session.execute(update(User.class).where(User_.name.eq("sandy")).values(Map.of("fullname", "Sandy Cheeks")));
 * }</pre>
 */
public final class Orm {
    private Orm() {
    }

    /**
     * {@code SELECT} of one entity: rows of objects.
     *
     * @param entity the mapped class
     * @param <T> the class
     * @return the statement
     */
    public static <T> OrmSelect<T> select(Class<T> entity) {
        return OrmSelect.of(entity);
    }

    /**
     * {@code SELECT} of an aliased entity.
     *
     * @param entity the aliased entity
     * @param <T> the class
     * @return the statement
     */
    public static <T> OrmSelect<T> select(Aliased<T> entity) {
        return OrmSelect.of(entity);
    }

    /**
     * {@code SELECT} of one column expression, such as a metamodel attribute {@code User_.name}.
     *
     * @param column the expression
     * @param <T> its type
     * @return the statement
     */
    public static <T> OrmSelect<T> select(Expression<T> column) {
        return OrmSelect.of(column);
    }

    /**
     * {@code SELECT} of several items: entity classes, aliased entities and column expressions, in row order.
     *
     * @param items what to select
     * @return the statement
     */
    public static OrmSelect<Object> select(Object... items) {
        if (items.length == 0) {
            throw new ArgumentException("select() needs at least one entity or column");
        }
        return OrmSelect.of(items);
    }

    /**
     * An entity under an anonymous alias.
     *
     * @param entity the mapped class
     * @param <T> the class
     * @return the aliased entity
     */
    public static <T> Aliased<T> aliased(Class<T> entity) {
        Mapper<T> m = Registry.published(entity);
        return new Aliased<>(m, m.table().alias());
    }

    /**
     * An entity under a named alias.
     *
     * @param entity the mapped class
     * @param name the alias
     * @param <T> the class
     * @return the aliased entity
     */
    public static <T> Aliased<T> aliased(Class<T> entity, String name) {
        Mapper<T> m = Registry.published(entity);
        return new Aliased<>(m, m.table().alias(Objects.requireNonNull(name, "name")));
    }

    /**
     * ORM bulk {@code INSERT}: execute with a list of maps keyed by attribute name
     * ({@code session.execute(insert(User.class), rows)}); add {@code returning(User.class)} for objects.
     *
     * @param entity the mapped class
     * @param <T> the class
     * @return the statement
     */
    public static <T> OrmDml<T> insert(Class<T> entity) {
        return OrmDml.of(OrmDml.Kind.INSERT, Registry.published(entity));
    }

    /**
     * ORM {@code UPDATE}: with {@code where(...)} and {@code values(...)}, or executed with maps that include the
     * primary key (bulk UPDATE by primary key).
     *
     * @param entity the mapped class
     * @param <T> the class
     * @return the statement
     */
    public static <T> OrmDml<T> update(Class<T> entity) {
        return OrmDml.of(OrmDml.Kind.UPDATE, Registry.published(entity));
    }

    /**
     * ORM {@code DELETE} with {@code where(...)}; objects of the session it deletes are synchronized per
     * {@link SynchronizeSession}.
     *
     * @param entity the mapped class
     * @param <T> the class
     * @return the statement
     */
    public static <T> OrmDml<T> delete(Class<T> entity) {
        return OrmDml.of(OrmDml.Kind.DELETE, Registry.published(entity));
    }
}
