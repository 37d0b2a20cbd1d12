package org.retort.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.retort.exc.ArgumentException;
import org.retort.exc.InvalidRequestException;
import org.retort.orm.MapperEvents;
import org.retort.orm.internal.mapping.FieldCode;
import org.retort.orm.internal.mapping.JavaTypes;
import org.retort.schema.Column;
import org.retort.schema.Table;
import org.retort.sql.Expression;
import org.retort.sql.Sql;

/**
 * How one class is mapped to its table (SQLAlchemy's {@code Mapper}): its {@link ColumnProperty column
 * properties} and {@link RelationshipProperty relationships}, primary key and the way to make an instance. Built
 * by a {@link org.retort.orm.Registry}; immutable once the registry is built.
 *
 * @param <T> the mapped class
 */
public final class Mapper<T> {
    private final Class<T> entityClass;
    private final Table table;
    private final List<ColumnProperty> properties;
    private final List<ColumnProperty> primaryKey;
    private final List<RelationshipProperty> relationships;
    private final Map<String, MapperProperty> byName;
    private final Map<String, ColumnProperty> byColumn;
    private final Supplier<?> factory;
    /** Reads every column field into an array: {@code (Object[] into, Object instance)void}; null when generated. */
    private final MethodHandle readAll;
    /** Writes every column field from an array: {@code (Object[] values, Object instance)void}; null when generated. */
    private final MethodHandle writeAll;
    /** Generated code reading every column field into an array ({@link FieldCode}), or null (then {@link #readAll}). */
    private final BiConsumer<Object, Object[]> fieldReader;
    /** Generated code writing every column field from an array, or null (then {@link #writeAll}). */
    private final BiConsumer<Object, Object[]> fieldWriter;
    private final MapperEvents<T> events = new MapperEvents<>();

    /**
     * Creates a mapper; a {@link org.retort.orm.Registry} does this when it maps a class.
     *
     * @param entityClass the class
     * @param table its table
     * @param properties its column properties, indexed in order
     * @param relationships its relationships, indexed in order (resolved by the registry afterwards)
     * @param factory makes an instance with the no-argument constructor
     * @throws ArgumentException when no field maps a primary key column
     */
    public Mapper(Class<T> entityClass, Table table, List<ColumnProperty> properties,
            List<RelationshipProperty> relationships, Supplier<?> factory) {
        this.entityClass = entityClass;
        this.table = table;
        this.properties = List.copyOf(properties);
        this.relationships = List.copyOf(relationships);
        this.factory = factory;
        List<FieldAccess> fields = new ArrayList<>(properties.size());
        for (ColumnProperty p : this.properties) {
            fields.add(p.access());
        }
        // generated code where the class allows it (the class path), else a chain of the fields' handles
        List<java.lang.reflect.Field> declared = new ArrayList<>(fields.size());
        for (ColumnProperty p : this.properties) {
            Class<?> owner = p.access().declaringClass();
            declared.add(owner == null ? null : FieldCode.field(owner, p.name()));
        }
        this.fieldReader = FieldCode.reader(entityClass, declared);
        this.fieldWriter = FieldCode.writer(entityClass, declared);
        this.readAll = fieldReader == null ? FieldAccess.reader(fields) : null;
        this.writeAll = fieldWriter == null ? FieldAccess.writer(fields) : null;
        Map<String, MapperProperty> n = new LinkedHashMap<>();
        Map<String, ColumnProperty> c = new LinkedHashMap<>();
        List<ColumnProperty> pk = new ArrayList<>();
        for (ColumnProperty p : properties) {
            n.put(p.name(), p);
            c.put(p.column().name(), p);
        }
        for (RelationshipProperty r : relationships) {
            n.put(r.name(), r);
        }
        for (Column<?> col : table.primaryKey().columns()) {
            ColumnProperty p = c.get(col.name());
            if (p == null) {
                throw new ArgumentException("Class " + entityClass.getName() + " maps table '" + table.fullName()
                        + "' but no field maps its primary key column '" + col.name() + "'; map a field to it");
            }
            pk.add(p);
        }
        if (pk.isEmpty()) {
            throw new ArgumentException("Class " + entityClass.getName() + " has no primary key: mark a field "
                    + "@MappedColumn(primaryKey = true) (table '" + table.fullName() + "')");
        }
        this.byName = Collections.unmodifiableMap(n);
        this.byColumn = Collections.unmodifiableMap(c);
        this.primaryKey = List.copyOf(pk);
    }

    /** {@return the mapped class} */
    public Class<T> entityClass() {
        return entityClass;
    }

    /** {@return the table the class is mapped to} */
    public Table table() {
        return table;
    }

    /** {@return the tables the class is mapped to, its own table first (one table until inheritance maps more)} */
    public List<Table> tables() {
        return List.of(table);
    }

    /** {@return the relationships, in field order} */
    public List<RelationshipProperty> relationships() {
        return relationships;
    }

    /**
     * The property of an attribute, column or relationship.
     *
     * @param attributeName the field name
     * @return the property
     * @throws ArgumentException when the field is not mapped
     */
    public MapperProperty attribute(String attributeName) {
        MapperProperty p = byName.get(attributeName);
        if (p == null) {
            throw new ArgumentException("'" + attributeName + "' is not a mapped attribute of " + entityClass.getName()
                    + "; its attributes are " + byName.keySet());
        }
        return p;
    }

    /**
     * The relationship of an attribute.
     *
     * @param attributeName the field name
     * @return the relationship
     * @throws ArgumentException when the field is not a mapped relationship
     */
    public RelationshipProperty relationship(String attributeName) {
        if (attribute(attributeName) instanceof RelationshipProperty r) {
            return r;
        }
        throw new ArgumentException("'" + attributeName + "' of " + entityClass.getName() + " is a column, not a "
                + "relationship; its relationships are " + relationships.stream().map(RelationshipProperty::name).toList());
    }

    /** {@return the column properties, in the table's column order} */
    public List<ColumnProperty> properties() {
        return properties;
    }

    /** {@return the properties of the primary key columns, in key order} */
    public List<ColumnProperty> primaryKey() {
        return primaryKey;
    }

    /**
     * The column property of a field.
     *
     * @param attributeName the field name
     * @return the property
     * @throws ArgumentException when the field is not a mapped column
     */
    public ColumnProperty property(String attributeName) {
        if (attribute(attributeName) instanceof ColumnProperty p) {
            return p;
        }
        throw new ArgumentException("'" + attributeName + "' of " + entityClass.getName() + " is a relationship, not "
                + "a column");
    }

    /**
     * The property mapping a column, or null.
     *
     * @param columnName the column name
     * @return the property, or null when no field maps the column
     */
    public ColumnProperty propertyForColumn(String columnName) {
        return byColumn.get(columnName);
    }

    /** {@return this mapper's persistence listeners (before/after insert, update, delete)} */
    public MapperEvents<T> events() {
        return events;
    }

    /**
     * Reads every column field of an instance, in one call, into an array indexed like {@link #properties()}.
     *
     * @param instance the entity
     * @param into where the values go; at least as long as the properties
     */
    public void readFields(Object instance, Object[] into) {
        if (fieldReader != null) {
            fieldReader.accept(instance, into);
            return;
        }
        try {
            readAll.invokeExact(into, instance);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidRequestException("Cannot read the fields of " + entityClass.getName() + ": " + t);
        }
    }

    /**
     * Writes every column field of an instance, in one call, from values already converted to the fields' types
     * (as {@link ColumnProperty#setConverted} takes them), indexed like {@link #properties()}.
     *
     * @param instance the entity
     * @param values the values
     */
    public void writeFields(Object instance, Object[] values) {
        if (fieldWriter != null) {
            fieldWriter.accept(instance, values);
            return;
        }
        try {
            writeAll.invokeExact(values, instance);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidRequestException("Cannot write the fields of " + entityClass.getName() + ": " + t);
        }
    }

    /** {@return a new instance made with the no-argument constructor} */
    @SuppressWarnings("unchecked") // the factory calls the class's own constructor
    public T newInstance() {
        return (T) factory.get();
    }

    /**
     * {@return true when every primary key field of the instance is null (it cannot be a detached object)}
     *
     * @param instance an instance
     */
    public boolean keyUnset(Object instance) {
        for (ColumnProperty p : primaryKey) {
            if (p.get(instance) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The primary key values of an instance, as the identity map's key.
     *
     * @param instance an instance
     * @return its identity (partial when some key field is null)
     */
    public IdentityKey identityOf(Object instance) {
        if (primaryKey.size() == 1) {
            return IdentityKey.ofSingle(this, primaryKey.get(0).get(instance));
        }
        Object[] values = new Object[primaryKey.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = primaryKey.get(i).get(instance);
        }
        return IdentityKey.of(this, values);
    }

    /**
     * The identity key of an array of column values indexed like {@link #properties()}.
     *
     * @param values the values
     * @return the identity
     */
    public IdentityKey identityOfValues(Object[] values) {
        if (primaryKey.size() == 1) {
            return IdentityKey.ofSingle(this, values[primaryKey.get(0).index()]);
        }
        Object[] pk = new Object[primaryKey.size()];
        for (int i = 0; i < pk.length; i++) {
            pk[i] = values[primaryKey.get(i).index()];
        }
        return IdentityKey.of(this, pk);
    }

    /**
     * The identity key of primary key values given by a user (one value, several, or a list), converted to the
     * field types.
     *
     * @param keyValues the key values
     * @return the identity
     * @throws ArgumentException when the number of values does not match the key
     */
    public IdentityKey keyOf(Object[] keyValues) {
        Object[] pk = keyValues;
        if (pk.length == 1 && pk[0] instanceof List<?> l) {
            pk = l.toArray();
        }
        if (pk.length != primaryKey.size()) {
            throw new ArgumentException(entityClass.getSimpleName() + " has a primary key of "
                    + primaryKey.size() + " column(s) " + primaryKey.stream().map(ColumnProperty::name).toList()
                    + "; got " + pk.length + " value(s)");
        }
        Object[] converted = new Object[pk.length];
        for (int i = 0; i < pk.length; i++) {
            converted[i] = JavaTypes.convertBoxed(pk[i], primaryKey.get(i));
        }
        return IdentityKey.of(this, converted);
    }

    /**
     * The SELECT of one row by primary key, with one bind parameter per key column ({@code pk_0}, ...); built once
     * per mapper, so {@code session.get} re-executes one statement object and the engine's compiled form.
     */
    private volatile org.retort.sql.Select byKey;

    /** {@return the SELECT of one row by primary key, with bind parameters {@code pk_0, pk_1, ...}} */
    public org.retort.sql.Select byKeyStatement() {
        org.retort.sql.Select s = byKey;
        if (s == null) {
            List<Expression<?>> parts = new ArrayList<>();
            for (int i = 0; i < primaryKey.size(); i++) {
                Column<?> c = primaryKey.get(i).column();
                parts.add(c.eq(Sql.bindparam("pk_" + i, c.type())));
            }
            s = Sql.select(properties.stream().map(ColumnProperty::column).toArray())
                    .where(parts.toArray(Expression<?>[]::new));
            byKey = s;
        }
        return s;
    }

    /**
     * The parameters of {@link #byKeyStatement()} for a key.
     *
     * @param values the key values, in key column order
     * @return the parameters by bind name
     */
    public java.util.Map<String, Object> byKeyParameters(List<Object> values) {
        java.util.Map<String, Object> params = new java.util.HashMap<>(4);
        for (int i = 0; i < primaryKey.size(); i++) {
            params.put("pk_" + i, JavaTypes.dbValue(primaryKey.get(i), values.get(i)));
        }
        return params;
    }

    /**
     * A WHERE clause matching the primary key to values.
     *
     * @param values the key values, in key column order
     * @return the condition
     */
    public Expression<Boolean> primaryKeyCriteria(List<Object> values) {
        List<Expression<?>> parts = new ArrayList<>();
        for (int i = 0; i < primaryKey.size(); i++) {
            ColumnProperty p = primaryKey.get(i);
            parts.add(p.column().untyped().eq(JavaTypes.dbValue(p, values.get(i))));
        }
        return parts.size() == 1 ? castBool(parts.get(0)) : Sql.and_(parts.toArray(Expression<?>[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Expression<Boolean> castBool(Expression<?> e) {
        return (Expression<Boolean>) e;
    }

    @Override
    public String toString() {
        return "Mapper[" + entityClass.getName() + " -> " + table.fullName() + "]";
    }
}
