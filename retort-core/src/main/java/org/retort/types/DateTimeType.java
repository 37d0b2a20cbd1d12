package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A date and time without time zone, as {@link java.time.LocalDateTime} to the microsecond; ISO-8601 text on SQLite.
 */
public record DateTimeType() implements SqlType<java.time.LocalDateTime> {

    @Override
    public Class<java.time.LocalDateTime> javaType() {
        return java.time.LocalDateTime.class;
    }

    @Override
    public String name() {
        return "DATETIME";
    }

    @Override
    public ValueBinder<java.time.LocalDateTime> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<java.time.LocalDateTime> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
