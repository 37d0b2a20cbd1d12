package org.retort.orm.internal.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.retort.exc.ArgumentException;
import org.retort.orm.NamingStrategy;
import org.retort.orm.annotation.Relationship;
import org.retort.orm.mapping.Cascade;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.orm.mapping.RelationshipProperty.OrderItem;
import org.retort.orm.mapping.RelationshipProperty.Shape;
import org.retort.schema.Column;
import org.retort.schema.ColumnOption;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.MetaData;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.TableElement;

/**
 * Reads {@code @Relationship} fields and, once every class of a registry is mapped, resolves them: the target
 * mapper, the direction from the foreign keys between the tables, the association table of a many-to-many, the
 * mirror relationship, order and map key. Every ambiguity or missing piece fails with a message naming the field.
 */
public final class RelationshipReader {
    private RelationshipReader() {
    }

    /**
     * Declares the relationship of an annotated field.
     *
     * @param owner the declaring class
     * @param f the field
     * @param index its position among the class's relationships
     * @return the unresolved relationship
     */
    public static RelationshipProperty declare(Class<?> owner, Field f, int index) {
        Relationship a = f.getAnnotation(Relationship.class);
        String where = owner.getSimpleName() + "." + f.getName();
        return declare(owner, f, index, new RelationshipProperty.Settings(a.backPopulates(), a.secondary(),
                Cascade.parse(a.cascade(), "relationship " + where), a.lazy(), a.orderBy(), a.viewOnly(),
                a.passiveDeletes(), a.postUpdate(), List.of(a.foreignKeys()), List.of(a.remoteSide()), a.mapKey()));
    }

    /**
     * Declares the relationship of a field with settings given in code (imperative mapping).
     *
     * @param owner the declaring class
     * @param f the field
     * @param index its position among the class's relationships
     * @param settings the settings
     * @return the unresolved relationship
     */
    public static RelationshipProperty declare(Class<?> owner, Field f, int index,
            RelationshipProperty.Settings settings) {
        String where = owner.getSimpleName() + "." + f.getName();
        Shape shape;
        Class<?> target;
        Class<?> t = f.getType();
        if (t == List.class || t == Collection.class) {
            shape = Shape.LIST;
            target = typeArgument(f, 0, where);
        } else if (t == Set.class) {
            shape = Shape.SET;
            target = typeArgument(f, 0, where);
        } else if (t == Map.class) {
            shape = Shape.MAP;
            target = typeArgument(f, 1, where);
            if (settings.mapKey().isEmpty()) {
                throw new ArgumentException("Relationship " + where + " is a Map; name the target attribute that "
                        + "keys it with @Relationship(mapKey = \"...\")");
            }
        } else if (t == org.retort.orm.WriteOnlyCollection.class) {
            shape = Shape.WRITE_ONLY;
            target = typeArgument(f, 0, where);
        } else if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)) {
            throw new ArgumentException("Relationship " + where + " is declared as " + t.getSimpleName() + "; declare "
                    + "it as List, Set, Collection or Map (the ORM puts its own lazy-loading collection into it)");
        } else {
            shape = Shape.REFERENCE;
            target = t;
        }
        if (settings.lazy() == org.retort.orm.annotation.Lazy.CONTAINS_EAGER) {
            throw new ArgumentException("Relationship " + where + ": lazy = CONTAINS_EAGER is a query option "
                    + "(Load.containsEager with a join the query makes), not a mapping default");
        }
        if (settings.cascade().contains(Cascade.DELETE_ORPHAN) && !settings.cascade().contains(Cascade.DELETE)) {
            throw new ArgumentException("Relationship " + where + " has cascade delete-orphan without delete; use "
                    + "cascade = \"all, delete-orphan\" (an orphan is deleted, so its parent's delete must be too)");
        }
        return new RelationshipProperty(f.getName(), t, target, shape, index, settings, MappingReader.handle(f));
    }

    private static Class<?> typeArgument(Field f, int i, String where) {
        Type g = f.getGenericType();
        if (g instanceof ParameterizedType p && p.getActualTypeArguments()[i] instanceof Class<?> c) {
            return c;
        }
        throw new ArgumentException("Relationship " + where + " needs its element type: declare it as "
                + f.getType().getSimpleName() + "<Target>");
    }

    /**
     * Resolves every relationship of a registry's mappers.
     *
     * @param mappers the mappers by class
     * @param metadata the registry's MetaData (an association table it lacks is added to it)
     * @param naming how the columns of an added association table are named
     */
    public static void resolveAll(Map<Class<?>, Mapper<?>> mappers, MetaData metadata, NamingStrategy naming) {
        for (Mapper<?> m : mappers.values()) {
            for (RelationshipProperty r : m.relationships()) {
                resolve(m, r, mappers, metadata);
            }
        }
        for (Mapper<?> m : mappers.values()) {
            for (RelationshipProperty r : m.relationships()) {
                link(r);
            }
        }
    }

    /**
     * Resolves the relationships of one mapper added to a built registry (imperative mapping) whose targets are
     * mapped, and those of earlier mappers that waited for this one; links mirrors both ways. A relationship whose
     * target is not mapped yet waits for it.
     *
     * @param added the new mapper
     * @param mappers every mapper of the registry, the new one included
     * @param metadata the registry's MetaData
     */
    public static void resolveAdded(Mapper<?> added, Map<Class<?>, Mapper<?>> mappers, MetaData metadata) {
        List<RelationshipProperty> done = new ArrayList<>();
        for (Mapper<?> m : mappers.values()) {
            for (RelationshipProperty r : m.relationships()) {
                if (!r.isResolved() && (m == added || r.targetClass() == added.entityClass())
                        && mappers.containsKey(r.targetClass())) {
                    resolve(m, r, mappers, metadata);
                    done.add(r);
                }
            }
        }
        for (RelationshipProperty r : done) {
            if (r.target().relationships().stream().filter(o -> o.name().equals(r.settings().backPopulates()))
                    .allMatch(RelationshipProperty::isResolved)) {
                link(r);
                RelationshipProperty other = r.reverse();
                if (other != null && other.reverse() == null && other.settings().backPopulates().equals(r.name())) {
                    other.linkReverse(r);
                }
            }
        }
    }

    private static String where(Mapper<?> m, RelationshipProperty r) {
        return m.entityClass().getSimpleName() + "." + r.name();
    }

    private static void resolve(Mapper<?> parent, RelationshipProperty r, Map<Class<?>, Mapper<?>> mappers,
            MetaData metadata) {
        String where = where(parent, r);
        Mapper<?> target = mappers.get(r.targetClass());
        if (target == null) {
            throw new ArgumentException("Relationship " + where + " refers to " + r.targetClass().getName()
                    + ", which this registry does not map; add it to Registry.of(...)");
        }
        RelationshipProperty.Settings s = r.settings();
        List<OrderItem> order = orderBy(target, s.orderBy(), where);
        if (r.isWriteOnly() && (s.lazy() != org.retort.orm.annotation.Lazy.SELECT || s.cascade().contains(Cascade.DELETE))) {
            throw new ArgumentException("Relationship " + where + " is write-only: it never loads (select() reads it), "
                    + "so it takes no lazy strategy and no delete cascade; let the database delete the children "
                    + "(ON DELETE CASCADE with passiveDeletes = true)");
        }
        ColumnProperty mapKey = null;
        if (r.shape() == Shape.MAP) {
            mapKey = property(target, s.mapKey(), where, "mapKey");
        }
        if (!s.secondary().isEmpty()) {
            if (!r.isCollection()) {
                throw new ArgumentException("Relationship " + where + " has a secondary table but holds one object; "
                        + "declare it as a List or Set for many-to-many");
            }
            Table secondary = secondaryTable(parent, target, s.secondary(), metadata, where);
            List<ForeignKeyConstraint> toParent = new ArrayList<>();
            List<ForeignKeyConstraint> toTarget = new ArrayList<>();
            for (ForeignKeyConstraint fk : secondary.foreignKeys()) {
                Table referred = fk.referredTable();
                if (referred == parent.table() && parent == target) {
                    (toParent.isEmpty() ? toParent : toTarget).add(fk);
                } else if (referred == parent.table()) {
                    toParent.add(fk);
                } else if (referred == target.table()) {
                    toTarget.add(fk);
                }
            }
            if (toParent.size() != 1 || toTarget.size() != 1) {
                throw new ArgumentException("Relationship " + where + ": association table '" + secondary.name()
                        + "' needs exactly one foreign key to '" + parent.table().name() + "' and one to '"
                        + target.table().name() + "'; it has " + secondary.foreignKeys());
            }
            r.resolve(parent, target, RelationshipDirection.MANY_TO_MANY, properties(parent, toParent.get(0)
                    .referredColumns(), where), List.of(), secondary, toParent.get(0).columns(),
                    toTarget.get(0).columns(), properties(target, toTarget.get(0).referredColumns(), where),
                    order, mapKey);
            return;
        }
        List<ForeignKeyConstraint> local = between(parent.table(), target.table());
        List<ForeignKeyConstraint> remote = between(target.table(), parent.table());
        boolean manyToOne;
        if (parent == target) {
            manyToOne = !r.isCollection() && !namesForeignKey(parent, s.remoteSide(), local);
        } else if (r.isCollection()) {
            manyToOne = false;
        } else {
            manyToOne = !local.isEmpty();
        }
        Mapper<?> holder = manyToOne ? parent : target;
        List<ForeignKeyConstraint> candidates = manyToOne ? local : remote;
        if (!s.foreignKeys().isEmpty()) {
            List<String> cols = new ArrayList<>();
            for (String name : s.foreignKeys()) {
                cols.add(property(holder, name, where, "foreignKeys").column().name());
            }
            candidates = candidates.stream().filter(fk -> fk.columnNames().equals(cols)).toList();
        }
        if (candidates.isEmpty()) {
            throw new ArgumentException("Relationship " + where + ": no foreign key links '" + parent.table().name()
                    + "' and '" + target.table().name() + "'" + (manyToOne ? " from " + parent.table().name()
                    : " from " + target.table().name()) + "; declare one with @MappedColumn(foreignKey = \""
                    + (manyToOne ? target : parent).table().name() + ".id\") on the "
                    + (manyToOne ? parent : target).entityClass().getSimpleName() + " field holding it");
        }
        if (candidates.size() > 1) {
            throw new ArgumentException("Relationship " + where + " is ambiguous: several foreign keys link '"
                    + parent.table().name() + "' and '" + target.table().name() + "' (" + candidates + "); name the "
                    + "one to use with @Relationship(foreignKeys = {\"<attribute>\"})");
        }
        ForeignKeyConstraint fk = candidates.get(0);
        Mapper<?> referred = manyToOne ? target : parent;
        List<ColumnProperty> fkSide = properties(holder, fk.columns(), where);
        List<ColumnProperty> keySide = properties(referred, fk.referredColumns(), where);
        r.resolve(parent, target, manyToOne ? RelationshipDirection.MANY_TO_ONE : RelationshipDirection.ONE_TO_MANY,
                keySide, fkSide, null, List.of(), List.of(), List.of(), order, mapKey);
    }

    /** Whether remoteSide names the foreign key columns (then a self-referential reference is one-to-one). */
    private static boolean namesForeignKey(Mapper<?> m, List<String> remoteSide, List<ForeignKeyConstraint> fks) {
        if (remoteSide.isEmpty()) {
            return false;
        }
        for (String name : remoteSide) {
            ColumnProperty p = m.property(name);
            for (ForeignKeyConstraint fk : fks) {
                if (fk.columnNames().contains(p.column().name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<ForeignKeyConstraint> between(Table from, Table to) {
        List<ForeignKeyConstraint> out = new ArrayList<>();
        for (ForeignKeyConstraint fk : from.foreignKeys()) {
            if (fk.referredTable() == to) {
                out.add(fk);
            }
        }
        return out;
    }

    private static Table secondaryTable(Mapper<?> parent, Mapper<?> target, String name, MetaData metadata,
            String where) {
        if (metadata.hasTable(name)) {
            return metadata.table(name);
        }
        if (parent == target) {
            throw new ArgumentException("Relationship " + where + " is a self-referential many-to-many; declare its "
                    + "association table '" + name + "' in the registry's MetaData (two foreign keys to '"
                    + parent.table().name() + "', the one to the parent first)");
        }
        List<TableElement> elements = new ArrayList<>();
        for (Mapper<?> side : List.of(parent, target)) {
            for (ColumnProperty pk : side.primaryKey()) {
                String col = side.table().name() + "_" + pk.column().name();
                elements.add(Schema.column(col, pk.column().type(), new ColumnOption[] {Schema.primaryKey(),
                        Schema.foreignKey(side.table().fullName() + "." + pk.column().name())}));
            }
        }
        return metadata.table(name, elements.toArray(TableElement[]::new));
    }

    private static List<ColumnProperty> properties(Mapper<?> m, List<Column<?>> columns, String where) {
        List<ColumnProperty> out = new ArrayList<>();
        for (Column<?> c : columns) {
            ColumnProperty p = m.propertyForColumn(c.name());
            if (p == null) {
                throw new ArgumentException("Relationship " + where + " joins on column '" + m.table().name() + "."
                        + c.name() + "', which no field of " + m.entityClass().getSimpleName() + " maps; map it");
            }
            out.add(p);
        }
        return out;
    }

    private static ColumnProperty property(Mapper<?> m, String name, String where, String setting) {
        try {
            return m.property(name);
        } catch (ArgumentException e) {
            throw new ArgumentException("Relationship " + where + ", " + setting + " = \"" + name + "\": "
                    + e.getMessage());
        }
    }

    private static List<OrderItem> orderBy(Mapper<?> target, String spec, String where) {
        List<OrderItem> out = new ArrayList<>();
        if (spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            String[] words = part.trim().split("\\s+");
            boolean desc = words.length > 1 && words[1].toLowerCase(Locale.ROOT).equals("desc");
            if (words.length > 2 || words.length == 2 && !desc && !words[1].equalsIgnoreCase("asc")) {
                throw new ArgumentException("Relationship " + where + ": orderBy \"" + spec + "\" must list attribute "
                        + "names, each optionally followed by asc or desc");
            }
            out.add(new OrderItem(property(target, words[0], where, "orderBy"), desc));
        }
        return out;
    }

    private static void link(RelationshipProperty r) {
        String back = r.settings().backPopulates();
        if (back.isEmpty()) {
            return;
        }
        String where = where(r.parent(), r);
        if (r.reverse() != null) {
            return;
        }
        RelationshipProperty other;
        try {
            other = r.target().relationship(back);
        } catch (ArgumentException e) {
            throw new ArgumentException("Relationship " + where + ", backPopulates = \"" + back + "\": "
                    + e.getMessage());
        }
        if (other.target() != r.parent()) {
            throw new ArgumentException("Relationship " + where + " back-populates " + where(r.target(), other)
                    + ", which refers to " + other.targetClass().getSimpleName() + ", not "
                    + r.parent().entityClass().getSimpleName());
        }
        r.linkReverse(other);
    }

    /** {@return the names as an array, for messages} */
    static String names(List<String> names) {
        return Arrays.toString(names.toArray());
    }
}
