package org.retort.types;

import java.util.List;
import java.util.Objects;
import org.retort.dialect.Dialect;

/**
 * A one-dimensional array of another type, as a {@link List}: PostgreSQL's {@code item[]} and H2's
 * {@code item ARRAY}. Other databases have no array type and compiling DDL for one fails naming the column.
 *
 * @param itemType the type of the elements
 * @param <T> the element type
 */
public record ArrayType<T>(SqlType<T> itemType) implements SqlType<List<T>> {

    /**
     * Checks the element type.
     *
     * @param itemType the type of the elements
     */
    public ArrayType {
        Objects.requireNonNull(itemType, "itemType");
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<T>> javaType() {
        return (Class) List.class;
    }

    @Override
    public String name() {
        return "ARRAY";
    }

    @Override
    public ValueBinder<List<T>> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<List<T>> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
