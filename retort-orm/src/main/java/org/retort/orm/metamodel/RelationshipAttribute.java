package org.retort.orm.metamodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.retort.exc.ArgumentException;
import org.retort.orm.Registry;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.sql.Expression;
import org.retort.sql.Select;
import org.retort.sql.Sql;

/**
 * A relationship of an entity class in the generated metamodel: {@code User_.addresses},
 * {@code Address_.user}. It names the relationship in loader options
 * ({@code Load.selectinload(User_.addresses)}) and joins ({@code select(User.class).join(User_.addresses)}),
 * and makes SQL conditions on related rows (SQLAlchemy's relationship comparators):
 *
 * <pre>{@code
 * select(User.class).where(User_.addresses.any(Address_.emailAddress.like("%@sqlalchemy.org")))
 * select(Address.class).where(Address_.user.has(User_.name.eq("sandy")))
 * select(Address.class).where(Address_.user.eq(sandy))       // address.user_id = ?
 * select(User.class).where(User_.addresses.contains(address)) // user_account.id = ?
 * }</pre>
 *
 * @param <E> the entity class declaring the relationship
 * @param <T> the related class
 */
public final class RelationshipAttribute<E, T> implements Attribute<E, T> {
    private final Class<E> entity;
    private final String attributeName;
    private final Class<T> target;

    private RelationshipAttribute(Class<E> entity, String attributeName, Class<T> target) {
        this.entity = entity;
        this.attributeName = attributeName;
        this.target = target;
    }

    /**
     * Creates the attribute of a relationship field; generated metamodel classes call this.
     *
     * @param entity the declaring class
     * @param attributeName the field name
     * @param target the related class
     * @param <E> the declaring class
     * @param <T> the related class
     * @return the attribute
     */
    public static <E, T> RelationshipAttribute<E, T> of(Class<E> entity, String attributeName, Class<T> target) {
        return new RelationshipAttribute<>(Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(attributeName, "attributeName"), Objects.requireNonNull(target, "target"));
    }

    @Override
    public Class<E> entity() {
        return entity;
    }

    @Override
    public String attributeName() {
        return attributeName;
    }

    /** {@return the related class} */
    @Override
    public Class<T> javaType() {
        return target;
    }

    /** {@return the mapped relationship, as the registry that last mapped the class built it} */
    public RelationshipProperty property() {
        return Registry.published(entity).relationship(attributeName);
    }

    /**
     * {@code EXISTS} a related row matching the conditions (SQLAlchemy's {@code any()} for collections).
     *
     * @param criteria conditions on the related class, ANDed; none for "has any"
     * @return the condition
     */
    public Expression<Boolean> any(Expression<?>... criteria) {
        return exists(criteria);
    }

    /**
     * {@code EXISTS} a related row matching the conditions (SQLAlchemy's {@code has()} for references).
     *
     * @param criteria conditions on the related class, ANDed; none for "has one"
     * @return the condition
     */
    public Expression<Boolean> has(Expression<?>... criteria) {
        return exists(criteria);
    }

    private Expression<Boolean> exists(Expression<?>... criteria) {
        RelationshipProperty r = property();
        List<Expression<?>> where = new ArrayList<>(joinCondition(r));
        where.addAll(List.of(criteria));
        Select sub = Sql.select(Sql.literal(1)).where(where.toArray(Expression<?>[]::new));
        return Sql.exists(sub);
    }

    /**
     * {@return the condition joining the parent's table to the target's (and the association table's)}
     *
     * @param r the relationship
     */
    public static List<Expression<?>> joinCondition(RelationshipProperty r) {
        List<Expression<?>> on = new ArrayList<>();
        if (r.direction() == RelationshipDirection.MANY_TO_MANY) {
            for (int i = 0; i < r.keySide().size(); i++) {
                on.add(r.secondaryParentColumns().get(i).eq(r.keySide().get(i).column()));
            }
            for (int i = 0; i < r.targetKey().size(); i++) {
                on.add(r.secondaryTargetColumns().get(i).eq(r.targetKey().get(i).column()));
            }
            return on;
        }
        for (int i = 0; i < r.keySide().size(); i++) {
            on.add(r.fkSide().get(i).column().eq(r.keySide().get(i).column()));
        }
        return on;
    }

    /**
     * A reference equal to an object: its foreign key columns equal the object's key (SQLAlchemy's
     * {@code Address.user == sandy}); {@code eq(null)} is {@code IS NULL}.
     *
     * @param related the related object, or null
     * @return the condition
     */
    public Expression<Boolean> eq(Object related) {
        RelationshipProperty r = property();
        if (r.direction() != RelationshipDirection.MANY_TO_ONE) {
            throw new ArgumentException("eq() compares a many-to-one reference; " + this + " is "
                    + r.direction() + ": use contains(obj) for collections");
        }
        List<Expression<?>> parts = new ArrayList<>();
        for (int i = 0; i < r.fkSide().size(); i++) {
            ColumnProperty fk = r.fkSide().get(i);
            Object v = related == null ? null : r.keySide().get(i).get(related);
            parts.add(v == null ? fk.column().isNull() : fk.column().untyped().eq(v));
        }
        return Sql.and_(parts.toArray(Expression<?>[]::new));
    }

    /**
     * A collection containing an object (SQLAlchemy's {@code User.addresses.contains(a)}): for one-to-many the
     * parent's key equals the object's foreign key; for many-to-many an association row exists.
     *
     * @param member the related object
     * @return the condition
     */
    public Expression<Boolean> contains(Object member) {
        Objects.requireNonNull(member, "member");
        RelationshipProperty r = property();
        List<Expression<?>> parts = new ArrayList<>();
        switch (r.direction()) {
            case ONE_TO_MANY -> {
                for (int i = 0; i < r.keySide().size(); i++) {
                    parts.add(r.keySide().get(i).column().untyped().eq(r.fkSide().get(i).get(member)));
                }
            }
            case MANY_TO_MANY -> {
                List<Expression<?>> where = new ArrayList<>();
                for (int i = 0; i < r.keySide().size(); i++) {
                    where.add(r.secondaryParentColumns().get(i).eq(r.keySide().get(i).column()));
                }
                for (int i = 0; i < r.targetKey().size(); i++) {
                    where.add(r.secondaryTargetColumns().get(i).untyped().eq(r.targetKey().get(i).get(member)));
                }
                parts.add(Sql.exists(Sql.select(Sql.literal(1)).where(where.toArray(Expression<?>[]::new))));
            }
            case MANY_TO_ONE -> throw new ArgumentException("contains() tests a collection; " + this
                    + " is a reference: use eq(obj)");
        }
        return Sql.and_(parts.toArray(Expression<?>[]::new));
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + attributeName;
    }
}
