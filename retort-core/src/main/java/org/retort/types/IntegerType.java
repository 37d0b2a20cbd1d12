package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A 32-bit integer column ({@code INTEGER}), read and written as {@link Integer}.
 */
public record IntegerType() implements SqlType<Integer> {

    @Override
    public Class<Integer> javaType() {
        return Integer.class;
    }

    @Override
    public String name() {
        return "INTEGER";
    }

    @Override
    public ValueBinder<Integer> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<Integer> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
