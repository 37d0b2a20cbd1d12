package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A 16-bit integer column ({@code SMALLINT}), read and written as {@link Short}.
 */
public record SmallIntType() implements SqlType<Short> {

    @Override
    public Class<Short> javaType() {
        return Short.class;
    }

    @Override
    public String name() {
        return "SMALLINT";
    }

    @Override
    public ValueBinder<Short> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<Short> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
