package org.retort.orm.metamodel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.retort.exc.ArgumentException;
import org.retort.schema.Column;

/**
 * Where metamodel attributes find their columns: each registry that maps a class publishes, for it, a function
 * from attribute name to mapped column. The last registry to map a class wins, so an application with two
 * registries mapping one class should use each registry's own column objects instead of the metamodel.
 */
public final class MappedAttributes {
    private static final Map<Class<?>, Function<String, Column<?>>> COLUMNS = new ConcurrentHashMap<>();

    private MappedAttributes() {
    }

    /**
     * Publishes the columns of a mapped class; called by the ORM's registry.
     *
     * @param entity the mapped class
     * @param columnOf the column of an attribute name, or null when the name is not a mapped column
     */
    public static void publish(Class<?> entity, Function<String, Column<?>> columnOf) {
        COLUMNS.put(entity, columnOf);
    }

    /**
     * The mapped column of an attribute.
     *
     * @param entity the entity class
     * @param attributeName the field name
     * @return the column
     * @throws ArgumentException when the class is not mapped or the attribute is not a mapped column
     */
    public static Column<?> column(Class<?> entity, String attributeName) {
        Function<String, Column<?>> f = COLUMNS.get(entity);
        if (f == null) {
            throw new ArgumentException("Class " + entity.getName() + " is not mapped: build a Registry with it "
                    + "(Registry.of(" + entity.getSimpleName() + ".class, ...)) before using its metamodel attributes");
        }
        Column<?> c = f.apply(attributeName);
        if (c == null) {
            throw new ArgumentException("'" + attributeName + "' is not a mapped column attribute of "
                    + entity.getName());
        }
        return c;
    }
}
