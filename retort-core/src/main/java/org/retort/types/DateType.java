package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A calendar date, as {@link java.time.LocalDate}; ISO-8601 text ({@code 2024-01-31}) on SQLite.
 */
public record DateType() implements SqlType<java.time.LocalDate> {

    @Override
    public Class<java.time.LocalDate> javaType() {
        return java.time.LocalDate.class;
    }

    @Override
    public String name() {
        return "DATE";
    }

    @Override
    public ValueBinder<java.time.LocalDate> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<java.time.LocalDate> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
