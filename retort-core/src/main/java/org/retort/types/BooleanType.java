package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A true/false column: {@code BOOLEAN} where the database has it, else a small integer holding 0 or 1.
 */
public record BooleanType() implements SqlType<Boolean> {

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }

    @Override
    public String name() {
        return "BOOLEAN";
    }

    @Override
    public ValueBinder<Boolean> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<Boolean> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
