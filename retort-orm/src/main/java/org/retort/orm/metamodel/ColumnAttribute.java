package org.retort.orm.metamodel;

import java.util.Objects;
import org.retort.schema.Column;
import org.retort.sql.ColumnClause;
import org.retort.sql.TableClause;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * A mapped field of an entity class as a SQL expression: {@code User_.name} in
 * {@code select(User.class).where(User_.name.eq("sandy"))} (SQLAlchemy's {@code InstrumentedAttribute} of a
 * column). The generated metamodel class {@code User_} holds one per mapped field.
 *
 * <p>An attribute resolves to the mapped {@link Column} on first use, through {@link MappedAttributes}, which
 * the ORM's registry fills when it maps the class; its name, type and table are then the column's. Using an
 * attribute of a class no registry has mapped fails with a message saying so.
 *
 * @param <E> the entity class
 * @param <T> the Java type of the field
 */
public final class ColumnAttribute<E, T> extends ColumnClause<T> implements Attribute<E, T> {
    private final Class<E> entity;
    private final String attributeName;
    private final Class<T> javaType;

    private ColumnAttribute(Class<E> entity, String attributeName, Class<T> javaType) {
        super(attributeName, unresolvedType(), null);
        this.entity = entity;
        this.attributeName = attributeName;
        this.javaType = javaType;
    }

    @SuppressWarnings("unchecked")
    private static <T> SqlType<T> unresolvedType() {
        return (SqlType<T>) (SqlType<?>) NullType.INSTANCE;
    }

    /**
     * Creates the attribute of a field; generated metamodel classes call this.
     *
     * @param entity the entity class
     * @param attributeName the field name
     * @param javaType the field's (boxed) Java type
     * @param <E> the entity type
     * @param <T> the field type
     * @return the attribute
     */
    public static <E, T> ColumnAttribute<E, T> of(Class<E> entity, String attributeName, Class<T> javaType) {
        return new ColumnAttribute<>(Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(attributeName, "attributeName"), Objects.requireNonNull(javaType, "javaType"));
    }

    /** {@return the mapped column this attribute stands for} */
    @SuppressWarnings("unchecked")
    public Column<T> column() {
        return (Column<T>) MappedAttributes.column(entity, attributeName);
    }

    @Override
    public Class<E> entity() {
        return entity;
    }

    @Override
    public String attributeName() {
        return attributeName;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    /** {@return the mapped column's name} */
    @Override
    public String name() {
        return column().name();
    }

    /** {@return the mapped column's type} */
    @Override
    public SqlType<T> type() {
        return column().type();
    }

    /** {@return the mapped table} */
    @Override
    public TableClause table() {
        return column().table();
    }

    /** {@return the mapped column's name, which a selected attribute is keyed by in rows} */
    @Override
    public String naturalName() {
        return column().name();
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + attributeName;
    }
}
