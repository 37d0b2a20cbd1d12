package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A 64-bit integer column ({@code BIGINT}), read and written as {@link Long}.
 */
public record BigIntType() implements SqlType<Long> {

    @Override
    public Class<Long> javaType() {
        return Long.class;
    }

    @Override
    public String name() {
        return "BIGINT";
    }

    @Override
    public ValueBinder<Long> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<Long> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
