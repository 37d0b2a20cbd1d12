package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A SQL data type and how its values travel between Java and JDBC (SQLAlchemy's {@code TypeEngine}).
 *
 * <p>A type is an immutable value: two instances with the same parameters are equal. Binding and reading
 * are resolved once per dialect into a {@link ValueBinder} and a {@link ValueReader}, which the engine
 * caches on the compiled statement, so the per-row cost is one call, with no lookup.
 *
 * @param <T> the Java type of the values
 */
public interface SqlType<T> {

    /** {@return the Java class values of this type have} */
    Class<T> javaType();

    /**
     * Returns how a value of this type is bound to a statement parameter on a dialect.
     *
     * @param dialect the dialect the statement runs on
     * @return the binder; never null
     */
    default ValueBinder<T> binder(Dialect dialect) {
        return ValueBinder.object();
    }

    /**
     * Returns how a value of this type is read from a result column on a dialect.
     *
     * @param dialect the dialect the result comes from
     * @return the reader; never null
     */
    default ValueReader<T> reader(Dialect dialect) {
        return ValueReader.as(javaType());
    }

    /**
     * The generic type family name ({@code "INTEGER"}, {@code "VARCHAR"}, ...), used in messages and when
     * comparing reflected types with declared ones.
     *
     * @return the type's name
     */
    String name();

    /**
     * This type on most dialects and another type on one (SQLAlchemy's {@code with_variant}), e.g.
     * {@code JSON.withVariant(JSONB, "postgresql")}.
     *
     * @param type the type to use on that dialect
     * @param dialectName the dialect's name ({@code postgresql}, {@code mysql}, ...)
     * @return the combined type
     */
    default SqlType<T> withVariant(SqlType<T> type, String dialectName) {
        return new Variant<>(this, java.util.Map.of(dialectName, type));
    }
}
