package org.retort.orm.mapping;

import java.lang.invoke.VarHandle;
import org.retort.orm.internal.mapping.JavaTypes;
import org.retort.schema.Column;

/**
 * One mapped field of an entity class and the column it is stored in (SQLAlchemy's {@code ColumnProperty}).
 *
 * <p>Reads and writes go through method handles made once from a {@link VarHandle} on the field, so the ORM
 * reads private fields without setters and without reflection per row.
 */
public final class ColumnProperty implements MapperProperty {
    private final String name;
    private final Class<?> fieldType;
    /** The field type, boxed when primitive: the class a loaded value most often already has. */
    private final Class<?> boxedType;
    private final Column<?> column;
    private final int index;
    private final boolean deferred;
    private final FieldAccess access;

    /**
     * Creates a column property; a {@link org.retort.orm.Registry} does this when it maps a class.
     *
     * @param name the field name
     * @param fieldType the field's declared type
     * @param column the mapped column
     * @param index the position among its mapper's column properties
     * @param handle a handle on the field
     */
    public ColumnProperty(String name, Class<?> fieldType, Column<?> column, int index, VarHandle handle) {
        this(name, fieldType, column, index, handle, false);
    }

    /**
     * Creates a column property that may be deferred.
     *
     * @param name the field name
     * @param fieldType the field's declared type
     * @param column the mapped column
     * @param index the position among its mapper's column properties
     * @param handle a handle on the field
     * @param deferred leave the column out of queries unless one undefers it
     */
    public ColumnProperty(String name, Class<?> fieldType, Column<?> column, int index, VarHandle handle,
            boolean deferred) {
        this.deferred = deferred;
        this.name = name;
        this.fieldType = fieldType;
        this.boxedType = JavaTypes.boxed(fieldType);
        this.column = column;
        this.index = index;
        this.access = new FieldAccess(handle);
    }

    @Override
    public String name() {
        return name;
    }

    /** {@return the field's declared Java type (primitive types stay primitive)} */
    @Override
    public Class<?> fieldType() {
        return fieldType;
    }

    /** {@return the field's type, boxed when it is primitive} */
    public Class<?> boxedType() {
        return boxedType;
    }

    /** {@return the mapped column} */
    public Column<?> column() {
        return column;
    }

    /** {@return true when queries leave the column out unless they undefer it ({@code @MappedColumn(deferred = true)})} */
    public boolean isDeferred() {
        return deferred;
    }

    /** {@return the position of this property in its mapper's {@link Mapper#properties()}} */
    public int index() {
        return index;
    }

    /**
     * Reads the field of an instance.
     *
     * @param instance the entity
     * @return the field's value, boxed
     */
    @Override
    public Object get(Object instance) {
        return access.get(instance, this);
    }

    /**
     * Writes the field of an instance, converting a database value to the field's type (a null becomes the
     * primitive default for a primitive field).
     *
     * @param instance the entity
     * @param value the value
     */
    public void set(Object instance, Object value) {
        setConverted(instance, JavaTypes.convert(value, this));
    }

    /**
     * Writes a value already converted to the field's type (as {@link JavaTypes#convert} returns it).
     *
     * @param instance the entity
     * @param v the converted value
     */
    public void setConverted(Object instance, Object v) {
        access.set(instance, v, this);
    }

    /** {@return the field's handles, for a mapper's whole-object readers and writers} */
    FieldAccess access() {
        return access;
    }

    @Override
    public String toString() {
        return column.table().name() + "." + column.name() + " (field '" + name + "')";
    }
}
