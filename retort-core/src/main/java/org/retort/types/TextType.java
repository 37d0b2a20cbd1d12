package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * Unbounded character data ({@code TEXT}; {@code CLOB} on H2 and Oracle, {@code VARCHAR(max)} on SQL Server).
 */
public record TextType() implements SqlType<String> {

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String name() {
        return "TEXT";
    }

    @Override
    public ValueBinder<String> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<String> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
