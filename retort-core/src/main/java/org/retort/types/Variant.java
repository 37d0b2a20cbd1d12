package org.retort.types;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.retort.dialect.Dialect;

/**
 * A type that is stored differently on some dialects (SQLAlchemy's {@code with_variant}), made by
 * {@link SqlType#withVariant(SqlType, String)}: {@code JSON.withVariant(JSONB, "postgresql")}.
 *
 * @param base the type used on dialects without a variant
 * @param variants the type per dialect name
 * @param <T> the Java type of the values
 */
public record Variant<T>(SqlType<T> base, Map<String, SqlType<T>> variants) implements SqlType<T> {

    /**
     * Copies the map.
     *
     * @param base the type used on dialects without a variant
     * @param variants the type per dialect name
     */
    public Variant {
        Objects.requireNonNull(base, "base");
        variants = Map.copyOf(variants);
    }

    /**
     * The type used on a dialect.
     *
     * @param dialect the dialect
     * @return the variant for its name, else the base type
     */
    public SqlType<T> forDialect(Dialect dialect) {
        return variants.getOrDefault(dialect.name(), base);
    }

    @Override
    public SqlType<T> withVariant(SqlType<T> type, String dialectName) {
        Map<String, SqlType<T>> copy = new LinkedHashMap<>(variants);
        copy.put(dialectName, type);
        return new Variant<>(base, copy);
    }

    @Override
    public Class<T> javaType() {
        return base.javaType();
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public ValueBinder<T> binder(Dialect dialect) {
        return forDialect(dialect).binder(dialect);
    }

    @Override
    public ValueReader<T> reader(Dialect dialect) {
        return forDialect(dialect).reader(dialect);
    }
}
