package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A length of time, as {@link java.time.Duration}: native {@code INTERVAL} on PostgreSQL, H2 and Oracle; elsewhere emulated as SQLAlchemy does, as the date-time 1970-01-01 plus the duration.
 */
public record IntervalType() implements SqlType<java.time.Duration> {

    @Override
    public Class<java.time.Duration> javaType() {
        return java.time.Duration.class;
    }

    @Override
    public String name() {
        return "INTERVAL";
    }

    @Override
    public ValueBinder<java.time.Duration> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<java.time.Duration> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
