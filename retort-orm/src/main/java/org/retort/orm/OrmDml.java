package org.retort.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.exc.ArgumentException;
import org.retort.orm.metamodel.Attribute;
import org.retort.sql.Expression;
import org.retort.orm.mapping.Mapper;

/**
 * An ORM INSERT, UPDATE or DELETE of an entity (SQLAlchemy's ORM-enabled DML), made by {@link Orm#insert},
 * {@link Orm#update} and {@link Orm#delete} and run by {@link Session#execute(OrmDml, List)}. Values are keyed
 * by attribute name (or metamodel attribute); immutable.
 *
 * <pre>{@code
 * session.execute(insert(User.class).returning(User.class), List.of(Map.of("name", "sandy")));
 * // INSERT INTO user_account (name) VALUES (?) RETURNING user_account.id, user_account.name, ...
 * session.execute(update(User.class).where(User_.name.eq("sandy")).values(Map.of("fullname", "Sandy Cheeks")));
 * // UPDATE user_account SET fullname=? WHERE user_account.name = ?
 * }</pre>
 *
 * @param <T> the entity class
 */
public final class OrmDml<T> {
    /** The statement kinds. */
    public enum Kind {
        /** An ORM bulk INSERT. */
        INSERT,
        /** An ORM UPDATE. */
        UPDATE,
        /** An ORM DELETE. */
        DELETE
    }

    private final Kind kind;
    private final Mapper<T> mapper;
    private final List<Expression<?>> where;
    private final Map<String, Object> values;
    private final boolean returning;
    /** Columns to return instead of objects (ORM bulk INSERT); empty for none. */
    private final List<Expression<?>> returningColumns;
    private final SynchronizeSession synchronize;

    private OrmDml(Kind kind, Mapper<T> mapper, List<Expression<?>> where, Map<String, Object> values,
                   boolean returning, List<Expression<?>> returningColumns, SynchronizeSession synchronize) {
        this.kind = kind;
        this.mapper = mapper;
        this.where = where;
        this.values = values;
        this.returning = returning;
        this.returningColumns = returningColumns;
        this.synchronize = synchronize;
    }

    static <T> OrmDml<T> of(Kind kind, Mapper<T> mapper) {
        return new OrmDml<>(kind, mapper, List.of(), Map.of(), false, List.of(), SynchronizeSession.AUTO);
    }

    /** {@return the statement kind} */
    public Kind kind() {
        return kind;
    }

    /** {@return the mapper of the entity} */
    public Mapper<T> mapper() {
        return mapper;
    }

    /** {@return the WHERE conditions} */
    public List<Expression<?>> whereClause() {
        return where;
    }

    /** {@return the SET values by attribute name} */
    public Map<String, Object> valueMap() {
        return values;
    }

    /** {@return true when the statement returns entities} */
    public boolean isReturning() {
        return returning;
    }

    /** {@return the columns returned} */
    public List<Expression<?>> returningColumns() {
        return returningColumns;
    }

    /** {@return how the session is synchronized} */
    public SynchronizeSession synchronization() {
        return synchronize;
    }

    /**
     * Adds WHERE conditions (UPDATE and DELETE).
     *
     * @param conditions conditions, ANDed
     * @return the new statement
     */
    public OrmDml<T> where(Expression<?>... conditions) {
        if (kind == Kind.INSERT) {
            throw new ArgumentException("An INSERT has no WHERE clause");
        }
        List<Expression<?>> w = new ArrayList<>(where);
        w.addAll(List.of(conditions));
        return new OrmDml<>(kind, mapper, List.copyOf(w), values, returning, returningColumns, synchronize);
    }

    /**
     * The SET values of an UPDATE with WHERE: keys are attribute names or metamodel attributes, values plain
     * values or SQL expressions.
     *
     * @param newValues the values
     * @return the new statement
     */
    public OrmDml<T> values(Map<?, ?> newValues) {
        if (kind != Kind.UPDATE) {
            throw new ArgumentException("values() is for ORM UPDATE; pass INSERT rows to session.execute(insert, rows)");
        }
        Map<String, Object> v = new LinkedHashMap<>(values);
        for (Map.Entry<?, ?> e : newValues.entrySet()) {
            String name = e.getKey() instanceof Attribute<?, ?> a ? a.attributeName() : String.valueOf(e.getKey());
            mapper.property(name);
            v.put(name, e.getValue());
        }
        return new OrmDml<>(kind, mapper, where, Collections.unmodifiableMap(v), returning, returningColumns, synchronize);
    }

    /**
     * RETURNING the inserted rows as objects, put into (or refreshed in) the session's identity map. For an ORM
     * bulk INSERT only.
     *
     * @param entity the statement's entity class
     * @return the new statement
     * @throws ArgumentException for another class, or on an UPDATE or DELETE
     */
    public OrmDml<T> returning(Class<T> entity) {
        requireInsert("returning(" + entity.getSimpleName() + ".class)");
        if (entity != mapper.entityClass()) {
            throw new ArgumentException("returning(" + entity.getSimpleName() + ") on a statement of "
                    + mapper.entityClass().getSimpleName());
        }
        return new OrmDml<>(kind, mapper, where, values, true, List.of(), synchronize);
    }

    /**
     * RETURNING columns of the inserted rows, as rows of values, without loading objects (SQLAlchemy's
     * {@code insert(User).returning(User.id)}): {@code session.execute(insert(User.class).returning(User_.id),
     * rows).scalars()} gives the new keys in the order of the rows. For an ORM bulk INSERT only.
     *
     * @param columns mapped attributes (or other expressions over the entity's table)
     * @return the new statement
     * @throws ArgumentException when no column is given, or on an UPDATE or DELETE
     */
    public OrmDml<T> returning(Expression<?>... columns) {
        requireInsert("returning(columns)");
        if (columns.length == 0) {
            throw new ArgumentException("returning() needs at least one column, or the entity class for objects");
        }
        return new OrmDml<>(kind, mapper, where, values, false, List.of(columns), synchronize);
    }

    private void requireInsert(String what) {
        if (kind != Kind.INSERT) {
            throw new ArgumentException(what + " is for ORM bulk INSERT; an ORM " + kind + " returns no rows. Use Core "
                    + "(" + kind.name().toLowerCase(java.util.Locale.ROOT) + "(table).returning(...)) to read rows back, "
                    + "or query the objects after the statement");
        }
    }

    /**
     * How objects already in the session are brought up to date by an UPDATE or DELETE with WHERE.
     *
     * @param mode the strategy (default {@link SynchronizeSession#AUTO})
     * @return the new statement
     */
    public OrmDml<T> synchronizeSession(SynchronizeSession mode) {
        return new OrmDml<>(kind, mapper, where, values, returning, returningColumns, Objects.requireNonNull(mode, "mode"));
    }

    @Override
    public String toString() {
        return kind + " " + mapper.entityClass().getSimpleName() + (where.isEmpty() ? "" : " WHERE " + where);
    }
}
