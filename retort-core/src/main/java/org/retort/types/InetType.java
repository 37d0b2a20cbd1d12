package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A PostgreSQL {@code INET} network address, as its text form ({@code 192.168.0.1/24}); PostgreSQL only.
 */
public record InetType() implements SqlType<String> {

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String name() {
        return "INET";
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
