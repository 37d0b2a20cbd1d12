package org.retort.orm.mapping;

import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Set;
import org.retort.orm.annotation.Lazy;
import org.retort.schema.Column;
import org.retort.schema.Table;

/**
 * One relationship of a mapped class (SQLAlchemy's {@code RelationshipProperty}): a field holding a related object
 * or a collection of them, the join between the two tables, and how it loads, cascades and is written.
 *
 * <p>Built by a {@link org.retort.orm.Registry} in two steps (declared with its class, resolved once every class
 * of the registry is mapped) and immutable afterwards.
 */
public final class RelationshipProperty implements MapperProperty {
    /** The shape of the field. */
    public enum Shape {
        /** A single object (many-to-one, or one-to-one). */
        REFERENCE,
        /** A {@code List} (or {@code Collection}). */
        LIST,
        /** A {@code Set}. */
        SET,
        /** A {@code Map} keyed by an attribute of the target. */
        MAP,
        /** A {@link org.retort.orm.WriteOnlyCollection}: never loaded, changes recorded and flushed. */
        WRITE_ONLY
    }

    /**
     * The declared settings, as read from {@code @Relationship} or given imperatively.
     *
     * @param backPopulates the mirror relationship's name, or empty
     * @param secondary the association table's name, or empty
     * @param cascade the cascades
     * @param lazy the default loading strategy
     * @param orderBy how a loaded collection is ordered, or empty
     * @param viewOnly the flush never writes through it
     * @param passiveDeletes deleting a parent leaves unloaded children to the database
     * @param postUpdate written by a second UPDATE after both rows exist
     * @param foreignKeys the foreign key attributes to join on, or empty
     * @param remoteSide the remote side of a self-referential relationship, or empty
     * @param mapKey the target attribute keying a map collection, or empty
     */
    public record Settings(String backPopulates, String secondary, Set<Cascade> cascade, Lazy lazy, String orderBy,
            boolean viewOnly, boolean passiveDeletes, boolean postUpdate, List<String> foreignKeys,
            List<String> remoteSide, String mapKey) {
    }

    private final String name;
    private final Class<?> fieldType;
    private final Class<?> targetClass;
    private final Shape shape;
    private final int index;
    private final Settings settings;
    private final FieldAccess access;

    // resolved once every mapper of the registry exists
    private boolean resolved;
    private Mapper<?> parent;
    private Mapper<?> target;
    private RelationshipDirection direction;
    private List<ColumnProperty> keySide;
    private List<ColumnProperty> fkSide;
    private Table secondary;
    private List<Column<?>> secondaryParentColumns;
    private List<Column<?>> secondaryTargetColumns;
    private List<ColumnProperty> targetKey;
    private RelationshipProperty reverse;
    private List<OrderItem> orderBy;
    private ColumnProperty mapKey;

    /**
     * An attribute of the target and its direction, as a collection is ordered when loaded.
     *
     * @param property the target's column property
     * @param descending true for descending order
     */
    public record OrderItem(ColumnProperty property, boolean descending) {
    }

    /**
     * Declares a relationship; the registry resolves it once every class is mapped.
     *
     * @param name the field name
     * @param fieldType the field's declared type
     * @param targetClass the related class
     * @param shape the field's shape
     * @param index the position among its mapper's relationships
     * @param settings the declared settings
     * @param handle a handle on the field
     */
    public RelationshipProperty(String name, Class<?> fieldType, Class<?> targetClass, Shape shape, int index,
            Settings settings, VarHandle handle) {
        this.name = name;
        this.fieldType = fieldType;
        this.targetClass = targetClass;
        this.shape = shape;
        this.index = index;
        this.settings = settings;
        this.access = new FieldAccess(handle);
    }

    /**
     * Completes the relationship once every mapper exists; called once by the registry that declared it.
     *
     * @param parent the mapper of the declaring class
     * @param target the mapper of the related class
     * @param direction which side holds the foreign key
     * @param keySide the referenced (key) side's properties, pairwise with {@code fkSide}; for many-to-many the
     *        parent's key properties
     * @param fkSide the foreign key holder's properties; empty for many-to-many
     * @param secondary the association table of a many-to-many, or null
     * @param secondaryParentColumns the association table's columns referring to the parent, pairwise with keySide
     * @param secondaryTargetColumns the association table's columns referring to the target, pairwise with targetKey
     * @param targetKey the target's key properties referred to from the association table
     * @param orderBy how a loaded collection is ordered
     * @param mapKey the target property keying a map collection, or null
     * @throws IllegalStateException when already resolved
     */
    public void resolve(Mapper<?> parent, Mapper<?> target, RelationshipDirection direction,
            List<ColumnProperty> keySide, List<ColumnProperty> fkSide, Table secondary,
            List<Column<?>> secondaryParentColumns, List<Column<?>> secondaryTargetColumns,
            List<ColumnProperty> targetKey, List<OrderItem> orderBy, ColumnProperty mapKey) {
        if (resolved) {
            throw new IllegalStateException("Relationship " + this + " is already resolved");
        }
        this.parent = parent;
        this.target = target;
        this.direction = direction;
        this.keySide = List.copyOf(keySide);
        this.fkSide = List.copyOf(fkSide);
        this.secondary = secondary;
        this.secondaryParentColumns = List.copyOf(secondaryParentColumns);
        this.secondaryTargetColumns = List.copyOf(secondaryTargetColumns);
        this.targetKey = List.copyOf(targetKey);
        this.orderBy = List.copyOf(orderBy);
        this.mapKey = mapKey;
        this.resolved = true;
    }

    /**
     * Links the relationship that mirrors this one ({@code backPopulates}); called by the registry.
     *
     * @param other the mirror relationship on the target
     */
    public void linkReverse(RelationshipProperty other) {
        if (reverse != null && reverse != other) {
            throw new IllegalStateException("Relationship " + this + " already mirrors " + reverse);
        }
        this.reverse = other;
    }

    /** {@return true once the registry resolved it (its target is mapped)} */
    public boolean isResolved() {
        return resolved;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<?> fieldType() {
        return fieldType;
    }

    /** {@return the related class} */
    public Class<?> targetClass() {
        return targetClass;
    }

    /** {@return the shape of the field} */
    public Shape shape() {
        return shape;
    }

    /** {@return true for a write-only collection} */
    public boolean isWriteOnly() {
        return shape == Shape.WRITE_ONLY;
    }

    /** {@return true for a collection (list, set, map or write-only), false for a reference} */
    public boolean isCollection() {
        return shape != Shape.REFERENCE;
    }

    /** {@return the position of this relationship in its mapper's {@link Mapper#relationships()}} */
    public int index() {
        return index;
    }

    /** {@return the declared settings} */
    public Settings settings() {
        return settings;
    }

    /** {@return the mapper of the declaring class} */
    public Mapper<?> parent() {
        return parent;
    }

    /** {@return the mapper of the related class} */
    public Mapper<?> target() {
        return target;
    }

    /** {@return which side holds the foreign key} */
    public RelationshipDirection direction() {
        return direction;
    }

    /** {@return the referenced key properties: the target's for many-to-one, the parent's otherwise} */
    public List<ColumnProperty> keySide() {
        return keySide;
    }

    /** {@return the foreign key properties, pairwise with {@link #keySide()}; empty for many-to-many} */
    public List<ColumnProperty> fkSide() {
        return fkSide;
    }

    /** {@return the association table of a many-to-many relationship, or null} */
    public Table secondary() {
        return secondary;
    }

    /** {@return the association table's columns that refer to the parent, pairwise with {@link #keySide()}} */
    public List<Column<?>> secondaryParentColumns() {
        return secondaryParentColumns;
    }

    /** {@return the association table's columns that refer to the target, pairwise with {@link #targetKey()}} */
    public List<Column<?>> secondaryTargetColumns() {
        return secondaryTargetColumns;
    }

    /** {@return the target's key properties that the association table refers to} */
    public List<ColumnProperty> targetKey() {
        return targetKey;
    }

    /** {@return the mirror relationship named by {@code backPopulates}, or null} */
    public RelationshipProperty reverse() {
        return reverse;
    }

    /** {@return how a loaded collection is ordered; empty for none} */
    public List<OrderItem> orderBy() {
        return orderBy;
    }

    /** {@return the target property keying a map collection, or null} */
    public ColumnProperty mapKey() {
        return mapKey;
    }

    /** {@return the cascades} */
    public Set<Cascade> cascade() {
        return settings.cascade();
    }

    /**
     * {@return true when a cascade is on}
     *
     * @param c the cascade
     */
    public boolean cascades(Cascade c) {
        return settings.cascade().contains(c);
    }

    /** {@return the default loading strategy} */
    public Lazy lazy() {
        return settings.lazy();
    }

    /** {@return true when the flush never writes through this relationship} */
    public boolean isViewOnly() {
        return settings.viewOnly();
    }

    /** {@return true when deleting a parent leaves its unloaded children to the database} */
    public boolean isPassiveDeletes() {
        return settings.passiveDeletes();
    }

    /** {@return true when the reference is written by a second UPDATE after both rows exist} */
    public boolean isPostUpdate() {
        return settings.postUpdate();
    }

    @Override
    public Object get(Object instance) {
        return access.get(instance, this);
    }

    /**
     * Writes the field of an instance.
     *
     * @param instance the entity
     * @param value the related object or collection
     */
    public void set(Object instance, Object value) {
        access.set(instance, value, this);
    }

    @Override
    public String toString() {
        return (parent == null ? "?" : parent.entityClass().getSimpleName()) + "." + name + " -> "
                + targetClass.getSimpleName();
    }
}
