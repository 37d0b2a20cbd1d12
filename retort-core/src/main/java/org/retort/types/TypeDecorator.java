package org.retort.types;

import java.util.Objects;
import org.retort.dialect.Dialect;

/**
 * A user type built on a built-in one (SQLAlchemy's {@code TypeDecorator}): the database stores the
 * {@link #impl()} type and this class converts values on the way in and out.
 *
 * <pre>{@code
 * final class Money extends TypeDecorator<Money.Amount, BigDecimal> {
 *     Money() { super(Amount.class, Types.NUMERIC(12, 2)); }
 *     protected BigDecimal toDatabase(Amount a) { return a.value(); }
 *     protected Amount fromDatabase(BigDecimal d) { return new Amount(d); }
 * }
 * }</pre>
 *
 * <p>Subclasses should be immutable and define {@code equals} when they carry parameters, so that reflected
 * and declared types compare. Nulls never reach the conversion methods.
 *
 * @param <T> the Java type users see
 * @param <I> the Java type of the underlying type
 */
public abstract class TypeDecorator<T, I> implements SqlType<T> {
    private final Class<T> javaType;
    private final SqlType<I> impl;

    /**
     * Creates the decorator.
     *
     * @param javaType the Java class users see
     * @param impl the stored type
     */
    protected TypeDecorator(Class<T> javaType, SqlType<I> impl) {
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.impl = Objects.requireNonNull(impl, "impl");
    }

    /**
     * Converts a Java value into the stored type's value.
     *
     * @param value the non-null value
     * @return the value to store
     */
    protected abstract I toDatabase(T value);

    /**
     * Converts a stored value back.
     *
     * @param value the non-null stored value
     * @return the Java value
     */
    protected abstract T fromDatabase(I value);

    /**
     * The stored type on one dialect; override to store differently per database (SQLAlchemy's
     * {@code load_dialect_impl}).
     *
     * @param dialect the dialect
     * @return the stored type
     */
    public SqlType<I> impl(Dialect dialect) {
        return impl;
    }

    /** {@return the stored type} */
    public SqlType<I> impl() {
        return impl;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public String name() {
        return impl.name();
    }

    @Override
    public ValueBinder<T> binder(Dialect dialect) {
        ValueBinder<I> inner = impl(dialect).binder(dialect);
        return (st, i, v) -> inner.bind(st, i, v == null ? null : toDatabase(v));
    }

    @Override
    public ValueReader<T> reader(Dialect dialect) {
        ValueReader<I> inner = impl(dialect).reader(dialect);
        return (rs, i) -> {
            I v = inner.read(rs, i);
            return v == null ? null : fromDatabase(v);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((TypeDecorator<?, ?>) o).impl.equals(impl);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + impl.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + impl + ")";
    }
}
