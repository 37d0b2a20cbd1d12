package org.retort.orm;

import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.sql.DerivedColumn;
import org.retort.sql.TableAlias;
import org.retort.orm.mapping.Mapper;

/**
 * An entity under an alias, to use its table twice in one query (SQLAlchemy's {@code aliased(User)}).
 *
 * <pre>{@code
 * Aliased<User> other = Orm.aliased(User.class, "other");
 * select(User.class, other).join(other, other.get(User_.managerId).eq(User_.id))
 * // SELECT user_account.id, ..., other.id, ... FROM user_account JOIN user_account AS other ON other.manager_id = user_account.id
 * }</pre>
 *
 * @param <T> the entity class
 */
public final class Aliased<T> {
    private final Mapper<T> mapper;
    private final TableAlias alias;

    Aliased(Mapper<T> mapper, TableAlias alias) {
        this.mapper = mapper;
        this.alias = alias;
    }

    /** {@return the entity's mapper} */
    public Mapper<T> mapper() {
        return mapper;
    }

    /** {@return the table alias, usable as a FROM item} */
    public TableAlias alias() {
        return alias;
    }

    /**
     * The alias's column for a metamodel attribute: {@code other.get(User_.name)} renders {@code other.name}.
     *
     * @param attribute the attribute of the entity
     * @param <V> its type
     * @return the column of the alias
     */
    @SuppressWarnings("unchecked")
    public <V> DerivedColumn<V> get(ColumnAttribute<T, V> attribute) {
        return (DerivedColumn<V>) alias.corresponding(mapper.property(attribute.attributeName()).column());
    }

    /**
     * The alias's column for an attribute name.
     *
     * @param attributeName the field name
     * @return the column of the alias
     */
    public DerivedColumn<?> get(String attributeName) {
        return alias.corresponding(mapper.property(attributeName).column());
    }

    @Override
    public String toString() {
        return "aliased(" + mapper.entityClass().getSimpleName() + ", " + alias + ")";
    }
}
