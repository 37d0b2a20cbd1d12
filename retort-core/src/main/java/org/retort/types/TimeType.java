package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A time of day, as {@link java.time.LocalTime} to the microsecond; ISO-8601 text on SQLite.
 */
public record TimeType() implements SqlType<java.time.LocalTime> {

    @Override
    public Class<java.time.LocalTime> javaType() {
        return java.time.LocalTime.class;
    }

    @Override
    public String name() {
        return "TIME";
    }

    @Override
    public ValueBinder<java.time.LocalTime> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<java.time.LocalTime> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
