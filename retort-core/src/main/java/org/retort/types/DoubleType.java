package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A double-precision floating point column, read and written as {@link Double}.
 */
public record DoubleType() implements SqlType<Double> {

    @Override
    public Class<Double> javaType() {
        return Double.class;
    }

    @Override
    public String name() {
        return "DOUBLE";
    }

    @Override
    public ValueBinder<Double> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<Double> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
