package org.retort.orm.internal.mapping;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.retort.exc.ArgumentException;
import org.retort.exc.InvalidRequestException;
import org.retort.orm.NamingStrategy;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;
import org.retort.orm.annotation.Transient;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.schema.Column;
import org.retort.schema.ColumnOption;
import org.retort.schema.MetaData;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.types.SqlType;

/** Reads {@code @Entity}/{@code @MappedColumn} of a class into a schema {@link Table} and column properties. */
public final class MappingReader {
    private MappingReader() {
    }

    /** A class read and its table declared; the mapper is made once every table of the registry exists. */
    public record Declared(Class<?> entityClass, Table table, Map<String, Field> fieldsByColumn,
            List<Field> relationshipFields) {
        /** {@return the mapper of the declared class, its relationships still to resolve} */
        public Mapper<?> mapper() {
            List<ColumnProperty> props = new ArrayList<>();
            for (Column<?> c : table.schemaColumns()) {
                Field f = fieldsByColumn.get(c.name());
                MappedColumn mc = f.getAnnotation(MappedColumn.class);
                props.add(new ColumnProperty(f.getName(), f.getType(), c, props.size(), handle(f),
                        mc != null && mc.deferred() && !mc.primaryKey()));
            }
            List<RelationshipProperty> rels = new ArrayList<>();
            for (Field f : relationshipFields) {
                rels.add(RelationshipReader.declare(entityClass, f, rels.size()));
            }
            return newMapper(entityClass, props, rels);
        }

        /**
         * {@return the field names of columns, for messages}
         *
         * @param columns column names
         */
        public List<String> fieldsOf(List<String> columns) {
            return columns.stream().map(c -> fieldsByColumn.containsKey(c) ? fieldsByColumn.get(c).getName() : c).toList();
        }

        private <T> Mapper<T> newMapper(Class<T> c, List<ColumnProperty> props, List<RelationshipProperty> rels) {
            return new Mapper<>(c, table, props, rels, constructor(c));
        }
    }

    public static Declared declare(Class<?> c, MetaData metadata, NamingStrategy naming) {
        Entity entity = c.getAnnotation(Entity.class);
        if (entity == null) {
            throw new ArgumentException("Class " + c.getName() + " is not annotated @Entity; annotate it, or map it "
                    + "to a table with registry.mapImperatively(...)");
        }
        constructor(c);
        String tableName = entity.table().isEmpty() ? naming.tableName(c) : entity.table();
        List<TableElement> elements = new ArrayList<>();
        Map<String, Field> byColumn = new LinkedHashMap<>();
        List<Field> relationshipFields = new ArrayList<>();
        boolean anyPk = false;
        long pkCount = instanceFields(c).stream().filter(f -> f.isAnnotationPresent(MappedColumn.class)
                && f.getAnnotation(MappedColumn.class).primaryKey() && !f.isAnnotationPresent(Transient.class)).count();
        for (Field f : instanceFields(c)) {
            if (f.isAnnotationPresent(Transient.class)) {
                continue;
            }
            String where = c.getName() + "." + f.getName();
            if (Modifier.isFinal(f.getModifiers())) {
                throw new ArgumentException("Field " + where + " is final; the ORM writes mapped fields (keys, "
                        + "loaded values), so make it non-final or mark it @Transient");
            }
            if (f.isAnnotationPresent(Relationship.class)) {
                if (f.isAnnotationPresent(MappedColumn.class)) {
                    throw new ArgumentException("Field " + where + " is both @MappedColumn and @Relationship; map "
                            + "the foreign key column and the related object as two fields");
                }
                relationshipFields.add(f);
                continue;
            }
            MappedColumn mc = f.getAnnotation(MappedColumn.class);
            String columnName = mc != null && !mc.name().isEmpty() ? mc.name() : naming.columnName(f.getName());
            if (byColumn.containsKey(columnName)) {
                throw new ArgumentException("Fields " + c.getName() + "." + byColumn.get(columnName).getName() + " and "
                        + f.getName() + " both map to column '" + columnName + "'; give one another name");
            }
            SqlType<?> type = type(f, mc, where);
            List<ColumnOption> options = options(f, mc, where);
            if (pkCount == 1 && isRowidCandidate(f, mc)) {
                // SQLite generates keys only for an INTEGER primary key (the rowid); BIGINT elsewhere
                type = bigintKey();
                options.add(Schema.autoincrement());
            }
            anyPk |= mc != null && mc.primaryKey();
            elements.add(Schema.column(columnName, type, options.toArray(ColumnOption[]::new)));
            byColumn.put(columnName, f);
        }
        if (!anyPk) {
            throw new ArgumentException("Class " + c.getName() + " has no primary key: mark a field "
                    + "@MappedColumn(primaryKey = true)");
        }
        if (!entity.schema().isEmpty()) {
            elements.add(Schema.schema(entity.schema()));
        }
        Table table = metadata.table(tableName, elements.toArray(TableElement[]::new));
        return new Declared(c, table, byColumn, relationshipFields);
    }

    private static boolean isRowidCandidate(Field f, MappedColumn mc) {
        return mc != null && mc.primaryKey() && mc.autoincrement() && mc.foreignKey().isEmpty()
                && mc.type() == SqlType.class && mc.serverDefault().isEmpty()
                && (f.getType() == Long.class || f.getType() == long.class);
    }

    private static SqlType<?> bigintKey() {
        return KeyType.INSTANCE;
    }

    @SuppressWarnings("rawtypes")
    private static SqlType<?> type(Field f, MappedColumn mc, String where) {
        if (mc != null && mc.type() != SqlType.class) {
            Class<? extends SqlType> tc = mc.type();
            try {
                return tc.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new ArgumentException("Field " + where + ": cannot make SQL type " + tc.getName()
                        + " with a public no-argument constructor (" + e + ")");
            }
        }
        SqlType<?> t = JavaTypes.derive(f.getType(), mc == null ? -1 : mc.length(), mc == null ? -1 : mc.precision(),
                mc == null ? -1 : mc.scale());
        if (t == null && (java.util.Collection.class.isAssignableFrom(f.getType())
                || java.util.Map.class.isAssignableFrom(f.getType()) || f.getType().isAnnotationPresent(Entity.class))) {
            throw new ArgumentException("Field " + where + " holds related objects (" + f.getGenericType()
                    .getTypeName() + "); annotate it @Relationship to map a relationship, or mark it @Transient");
        }
        if (t == null) {
            throw new ArgumentException("Field " + where + " has type " + f.getType().getName() + ", which has no "
                    + "SQL type; use a supported type (String, numbers, boolean, BigDecimal, java.time, UUID, byte[], "
                    + "an enum, JsonNode), give @MappedColumn(type = ...), or mark the field @Transient");
        }
        return t;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<ColumnOption> options(Field f, MappedColumn mc, String where) {
        List<ColumnOption> o = new ArrayList<>();
        if (mc == null) {
            if (f.getType().isPrimitive()) {
                o.add(Schema.notNull());
            }
            return o;
        }
        if (mc.primaryKey()) {
            o.add(Schema.primaryKey());
        } else if (!mc.nullable() || f.getType().isPrimitive()) {
            o.add(Schema.notNull());
        }
        if (mc.unique()) {
            o.add(Schema.unique());
        }
        if (mc.index()) {
            o.add(Schema.index());
        }
        if (!mc.autoincrement()) {
            o.add(Schema.noAutoincrement());
        }
        if (!mc.foreignKey().isEmpty()) {
            o.add(Schema.foreignKey(mc.foreignKey()));
        }
        if (!mc.defaultValue().isEmpty()) {
            try {
                o.add(Schema.defaultValue(JavaTypes.fromText(mc.defaultValue(), f.getType())));
            } catch (RuntimeException e) {
                throw new ArgumentException("Field " + where + ": defaultValue \"" + mc.defaultValue()
                        + "\" is not a " + f.getType().getSimpleName() + " (" + e.getMessage() + ")");
            }
        }
        if (mc.insertDefault() != Supplier.class) {
            o.add(Schema.defaultValue(supplier(mc.insertDefault(), where)));
        }
        if (mc.updateDefault() != Supplier.class) {
            o.add(Schema.onUpdate(supplier(mc.updateDefault(), where)));
        }
        if (!mc.serverDefault().isEmpty()) {
            o.add(Schema.serverDefault(mc.serverDefault()));
        }
        if (!mc.serverOnUpdate().isEmpty()) {
            o.add(Schema.serverOnUpdate(mc.serverOnUpdate()));
        }
        if (!mc.comment().isEmpty()) {
            o.add(Schema.comment(mc.comment()));
        }
        return o;
    }

    @SuppressWarnings("rawtypes")
    private static Supplier<?> supplier(Class<? extends Supplier> c, String where) {
        try {
            java.lang.reflect.Constructor<? extends Supplier> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ArgumentException("Field " + where + ": cannot make default supplier " + c.getName()
                    + " with its no-argument constructor (" + e + ")");
        }
    }

    /** The mappable fields of a class and its superclasses, superclass fields first. */
    public static List<Field> instanceFields(Class<?> c) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            if (k != c && k.isAnnotationPresent(Entity.class)) {
                throw new ArgumentException("Class " + c.getName() + " extends entity " + k.getName()
                        + "; mapped inheritance is not supported yet: map each class on its own or extend a plain class");
            }
            chain.push(k);
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> k : chain) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    public static VarHandle handle(Field f) {
        try {
            return privateLookup(f.getDeclaringClass()).unreflectVarHandle(f);
        } catch (IllegalAccessException e) {
            throw new ArgumentException("Cannot access field " + f.getDeclaringClass().getName() + "." + f.getName()
                    + " (" + e.getMessage() + ")");
        }
    }

    /**
     * A lookup with private access to a mapped class, as {@link MethodHandles#privateLookupIn} gives it: this
     * module reads the class's module first (a named module of an application is not read by
     * {@code org.retort.orm} until it says so), and a package that is not open to this module fails with the
     * exact {@code opens} line to add.
     *
     * @param c the mapped class
     * @return the lookup
     * @throws ArgumentException when the class's package is not open to this module
     * @throws IllegalAccessException when the lookup is refused for another reason
     */
    public static MethodHandles.Lookup privateLookup(Class<?> c) throws IllegalAccessException {
        Module orm = MappingReader.class.getModule();
        Module target = c.getModule();
        if (target.isNamed() && target != orm) {
            String pkg = c.getPackageName();
            if (!target.isOpen(pkg, orm)) {
                String to = orm.isNamed() ? " to " + orm.getName() : "";
                throw new ArgumentException("Cannot map class " + c.getName() + ": package " + pkg + " of module "
                        + target.getName() + " is not open to " + (orm.isNamed() ? "module " + orm.getName()
                        : "the class path, where org.retort.orm was loaded from") + ", and the ORM reads and writes "
                        + "its private fields; add 'opens " + pkg + to + ";' to the module-info.java of "
                        + target.getName());
            }
            orm.addReads(target);
        }
        return MethodHandles.privateLookupIn(c, MethodHandles.lookup());
    }

    /**
     * Makes instances of a class with its no-argument constructor, of any visibility. A constructor handle whose
     * class is not a JIT-time constant allocates through the VM's slow path (a tenth of loading 100,000 small
     * objects), so the constructor is wrapped in a {@link Supplier} made by {@link LambdaMetafactory}: the
     * {@code new} is then in that class's own bytecode, where allocation is inlined. The metafactory needs a
     * full-privilege lookup (the class path, or the ORM's own module); in a named application module the
     * constructor handle is called instead.
     *
     * @param c the class
     * @return the factory
     * @throws ArgumentException when there is no such constructor or it cannot be accessed
     */
    public static Supplier<Object> constructor(Class<?> c) {
        MethodHandles.Lookup lookup;
        MethodHandle ctor;
        try {
            lookup = privateLookup(c);
            ctor = lookup.findConstructor(c, MethodType.methodType(void.class));
        } catch (NoSuchMethodException e) {
            throw new ArgumentException("Class " + c.getName() + " has no no-argument constructor; add one (any "
                    + "visibility) so the ORM can create instances when loading rows");
        } catch (ReflectiveOperationException e) {
            throw new ArgumentException("Cannot access the no-argument constructor of " + c.getName() + " ("
                    + e.getMessage() + ")");
        }
        if (lookup.hasFullPrivilegeAccess()) {
            try {
                CallSite site = LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                        MethodType.methodType(Object.class), ctor, MethodType.methodType(c));
                @SuppressWarnings("unchecked")
                Supplier<Object> supplier = (Supplier<Object>) site.getTarget().invoke();
                return supplier;
            } catch (Throwable e) {
                // the metafactory declined (a class it cannot name): the handle works too, only slower
            }
        }
        MethodHandle generic = ctor.asType(MethodType.methodType(Object.class));
        return () -> {
            try {
                return (Object) generic.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new InvalidRequestException("The no-argument constructor of " + c.getName() + " failed: " + t);
            }
        };
    }
}
