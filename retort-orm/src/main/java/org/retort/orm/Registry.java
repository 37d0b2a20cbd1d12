package org.retort.orm;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.retort.exc.ArgumentException;
import org.retort.orm.internal.mapping.MappingReader;
import org.retort.orm.internal.mapping.RelationshipReader;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.metamodel.MappedAttributes;
import org.retort.schema.Column;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.MetaData;
import org.retort.schema.Table;

/**
 * The set of mapped classes and the {@link MetaData} of their tables (SQLAlchemy's {@code registry}).
 *
 * <pre>{@code
 * Registry registry = Registry.of(User.class, Address.class);     // reads @Entity / @MappedColumn
 * registry.metadata().createAll(engine);
 * }</pre>
 *
 * <p>Mapping errors (no primary key, a foreign key to an unknown table, a field type with no SQL type, a record
 * as entity, an ambiguous relationship) fail here, naming the class and field. Each mapped class is also
 * published for the metamodel ({@code User_.name}) and {@code Orm.select(User.class)}. Several registries may map
 * one class (each with its own {@code MetaData}, say one per test or per database) as long as they map it the same
 * way: the same table and columns through the same fields. Mapping it another way fails, naming both tables,
 * because the metamodel and {@code Orm.select} could not tell which one a query means.
 *
 * <p><b>Access to private fields.</b> Fields are read and written through {@link MethodHandles#privateLookupIn}.
 * On the class path every package is open and nothing is needed. On the module path, the package of each
 * entity class must be open to {@code org.retort.orm} ({@code opens com.example.model to org.retort.orm;});
 * the registry makes {@code org.retort.orm} read the application's module itself. A package that is not open
 * fails the build of the registry with the {@code opens} line to add.
 */
public final class Registry {
    private static final Map<Class<?>, Mapper<?>> PUBLISHED = new ConcurrentHashMap<>();

    private final MetaData metadata;
    private final NamingStrategy naming;
    private final Map<Class<?>, Mapper<?>> mappers = new LinkedHashMap<>();

    private Registry(MetaData metadata, NamingStrategy naming) {
        this.metadata = metadata;
        this.naming = naming;
    }

    /**
     * Maps annotated classes into a new {@link MetaData} with snake_case naming.
     *
     * @param entityClasses classes annotated {@code @Entity}
     * @return the registry
     * @throws ArgumentException when a class cannot be mapped
     */
    public static Registry of(Class<?>... entityClasses) {
        return builder().build(entityClasses);
    }

    /** {@return a builder to choose the {@link MetaData} and {@link NamingStrategy}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The mapper of a class as last published by any registry; sessions without a registry of their own use it.
     *
     * @param entityClass the class
     * @param <T> the class
     * @return the mapper
     * @throws ArgumentException when no registry maps the class
     */
    @SuppressWarnings("unchecked")
    public static <T> Mapper<T> published(Class<T> entityClass) {
        Mapper<?> m = PUBLISHED.get(entityClass);
        if (m == null) {
            throw new ArgumentException("Class " + entityClass.getName() + " is not mapped: build a Registry with it "
                    + "(Registry.of(" + entityClass.getSimpleName() + ".class, ...)) first");
        }
        return (Mapper<T>) m;
    }

    /**
     * {@return true when some registry maps the class}
     *
     * @param type a class
     */
    public static boolean isMapped(Class<?> type) {
        return PUBLISHED.containsKey(type);
    }

    /** {@return the MetaData holding the mapped tables} */
    public MetaData metadata() {
        return metadata;
    }

    /** {@return the naming strategy} */
    public NamingStrategy namingStrategy() {
        return naming;
    }

    /** {@return the mappers, in mapping order} */
    public Collection<Mapper<?>> mappers() {
        return Collections.unmodifiableCollection(mappers.values());
    }

    /**
     * The mapper of a class.
     *
     * @param entityClass the class
     * @param <T> the class
     * @return its mapper
     * @throws ArgumentException when this registry does not map it
     */
    @SuppressWarnings("unchecked")
    public <T> Mapper<T> mapper(Class<T> entityClass) {
        Mapper<?> m = mappers.get(entityClass);
        if (m == null) {
            throw new ArgumentException("Class " + entityClass.getName() + " is not mapped by this registry; it maps "
                    + mappers.keySet().stream().map(Class::getSimpleName).toList());
        }
        for (org.retort.orm.mapping.RelationshipProperty r : m.relationships()) {
            if (!r.isResolved()) {
                throw new ArgumentException("Relationship " + entityClass.getSimpleName() + "." + r.name()
                        + " refers to " + r.targetClass().getName() + ", which this registry does not map yet; map it "
                        + "(mapImperatively) before using " + entityClass.getSimpleName());
            }
        }
        return (Mapper<T>) m;
    }

    /**
     * Maps a plain class to an existing table (SQLAlchemy's {@code registry.map_imperatively}): each entry of
     * {@code fieldToColumn} maps a field to a column name; the class needs no annotations.
     *
     * <pre>{@code
     * registry.mapImperatively(Point.class, metadata.table("point"), Map.of("x", "x_coord", "y", "y_coord", "id", "id"));
     * }</pre>
     *
     * @param entityClass the class, with a no-argument constructor
     * @param table a table of this registry's MetaData
     * @param fieldToColumn field name to column name; fields left out are not mapped
     * @param <T> the class
     * @return the mapper
     * @throws ArgumentException when a field or column does not exist or the table has no primary key mapped
     */
    public <T> Mapper<T> mapImperatively(Class<T> entityClass, Table table, Map<String, String> fieldToColumn) {
        return mapImperatively(entityClass, table, fieldToColumn, Map.of());
    }

    /**
     * Maps a plain class to an existing table with relationships (the imperative equivalent of
     * {@code @Relationship}). A relationship's target must be mapped by this registry already, or mapped later
     * with its mirror naming this one; mirrors are linked both ways.
     *
     * <pre>{@code
     * registry.mapImperatively(Address.class, addresses, Map.of("id", "id", "email", "email", "userId", "user_id"),
     *         Map.of("user", RelationshipSpec.relationship().backPopulates("addresses")));
     * }</pre>
     *
     * @param entityClass the class, with a no-argument constructor
     * @param table a table of this registry's MetaData
     * @param fieldToColumn field name to column name
     * @param relationships relationship field name to its settings
     * @param <T> the class
     * @return the mapper
     * @throws ArgumentException when a field, column or target does not exist, or a relationship is ambiguous
     */
    public <T> Mapper<T> mapImperatively(Class<T> entityClass, Table table, Map<String, String> fieldToColumn,
            Map<String, RelationshipSpec> relationships) {
        Objects.requireNonNull(table, "table");
        checkClass(entityClass);
        if (mappers.containsKey(entityClass)) {
            throw new ArgumentException("Class " + entityClass.getName() + " is already mapped by this registry");
        }
        List<ColumnProperty> props = new ArrayList<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field f : MappingReader.instanceFields(entityClass)) {
            fields.put(f.getName(), f);
        }
        Map<String, String> columnToField = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fieldToColumn.entrySet()) {
            if (!fields.containsKey(e.getKey())) {
                throw new ArgumentException("Class " + entityClass.getName() + " has no field '" + e.getKey()
                        + "' to map to column '" + e.getValue() + "'");
            }
            if (!table.hasColumn(e.getValue())) {
                throw new ArgumentException("Table '" + table.fullName() + "' has no column '" + e.getValue()
                        + "' for field " + entityClass.getSimpleName() + "." + e.getKey() + "; its columns are "
                        + table.columnNames());
            }
            columnToField.put(e.getValue(), e.getKey());
        }
        for (Column<?> c : table.schemaColumns()) {
            String fieldName = columnToField.get(c.name());
            if (fieldName != null) {
                Field f = fields.get(fieldName);
                props.add(new ColumnProperty(fieldName, f.getType(), c, props.size(), MappingReader.handle(f)));
            }
        }
        List<org.retort.orm.mapping.RelationshipProperty> rels = new ArrayList<>();
        for (Map.Entry<String, RelationshipSpec> e : relationships.entrySet()) {
            Field f = fields.get(e.getKey());
            if (f == null) {
                throw new ArgumentException("Class " + entityClass.getName() + " has no field '" + e.getKey()
                        + "' for a relationship");
            }
            rels.add(RelationshipReader.declare(entityClass, f, rels.size(),
                    e.getValue().settings("relationship " + entityClass.getSimpleName() + "." + e.getKey())));
        }
        Mapper<T> mapper = new Mapper<>(entityClass, table, props, rels, MappingReader.constructor(entityClass));
        register(mapper);
        RelationshipReader.resolveAdded(mapper, mappers, metadata);
        return mapper;
    }

    private void register(Mapper<?> mapper) {
        if (mappers.containsKey(mapper.entityClass())) {
            throw new ArgumentException("Class " + mapper.entityClass().getName() + " is already mapped by this registry");
        }
        Mapper<?> other = PUBLISHED.get(mapper.entityClass());
        if (other != null && !sameShape(other, mapper)) {
            throw new ArgumentException("Class " + mapper.entityClass().getName() + " is already mapped by another "
                    + "registry to table '" + other.table().fullName() + "' " + other.table().columnNames() + "; a "
                    + "class maps one way (its metamodel and Orm.select(" + mapper.entityClass().getSimpleName()
                    + ".class) name one table): map another class to '" + mapper.table().fullName() + "' "
                    + mapper.table().columnNames());
        }
        mappers.put(mapper.entityClass(), mapper);
        PUBLISHED.put(mapper.entityClass(), mapper);
        MappedAttributes.publish(mapper.entityClass(), name -> {
            try {
                return mapper.property(name).column();
            } catch (ArgumentException e) {
                return null;
            }
        });
    }

    /** Whether two mappings of a class read and write the same table and columns through the same fields. */
    private static boolean sameShape(Mapper<?> a, Mapper<?> b) {
        if (!a.table().fullName().equals(b.table().fullName()) || a.properties().size() != b.properties().size()) {
            return false;
        }
        for (int i = 0; i < a.properties().size(); i++) {
            ColumnProperty x = a.properties().get(i);
            ColumnProperty y = b.properties().get(i);
            if (!x.name().equals(y.name()) || !x.column().name().equals(y.column().name())) {
                return false;
            }
        }
        return true;
    }

    private static void checkClass(Class<?> entityClass) {
        Objects.requireNonNull(entityClass, "entityClass");
        if (entityClass.isRecord()) {
            throw new ArgumentException("Record " + entityClass.getName() + " cannot be an entity: the session changes "
                    + "an entity's fields (keys, defaults, refreshed values) and records are immutable; use a class, "
                    + "and read records from queries with into(" + entityClass.getSimpleName() + ".class)");
        }
        if (entityClass.isInterface() || Modifier.isAbstract(entityClass.getModifiers()) || entityClass.isEnum()
                || entityClass.isArray() || entityClass.isPrimitive()) {
            throw new ArgumentException("Class " + entityClass.getName() + " cannot be an entity: it must be a "
                    + "concrete class with a no-argument constructor");
        }
        if (entityClass.getEnclosingClass() != null && !Modifier.isStatic(entityClass.getModifiers())) {
            throw new ArgumentException("Class " + entityClass.getName() + " is an inner class; make it static so "
                    + "the ORM can construct it");
        }
    }

    /** Chooses the MetaData and naming strategy of a registry, then maps classes. */
    public static final class Builder {
        private MetaData metadata;
        private NamingStrategy naming = NamingStrategy.SNAKE_CASE;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param metadata the MetaData to add the tables to (default: a new one)
         */
        public Builder metadata(MetaData metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param naming how unnamed tables and columns are named (default snake_case)
         */
        public Builder namingStrategy(NamingStrategy naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /**
         * Maps the classes; an empty list gives a registry for {@link Registry#mapImperatively} only.
         *
         * @param entityClasses classes annotated {@code @Entity}
         * @return the registry
         * @throws ArgumentException when a class cannot be mapped
         */
        public Registry build(Class<?>... entityClasses) {
            Registry r = new Registry(metadata != null ? metadata : new MetaData(), naming);
            List<MappingReader.Declared> declared = new ArrayList<>();
            for (Class<?> c : entityClasses) {
                checkClass(c);
                declared.add(MappingReader.declare(c, r.metadata, r.naming));
            }
            for (MappingReader.Declared d : declared) {
                for (ForeignKeyConstraint fk : d.table().foreignKeys()) {
                    try {
                        fk.referredTable();
                    } catch (ArgumentException e) {
                        throw new ArgumentException("Class " + d.entityClass().getName() + ", field(s) "
                                + d.fieldsOf(fk.columnNames()) + ": " + e.getMessage());
                    }
                }
            }
            for (MappingReader.Declared d : declared) {
                r.register(d.mapper());
            }
            RelationshipReader.resolveAll(r.mappers, r.metadata, r.naming);
            return r;
        }
    }
}
