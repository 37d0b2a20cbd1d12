package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * An approximate number, {@code FLOAT} or {@code FLOAT(p)}, read and written as {@link Double}.
 *
 * @param precision the binary precision in bits, or null for the database's default
 */
public record FloatType(Integer precision) implements SqlType<Double> {

    @Override
    public Class<Double> javaType() {
        return Double.class;
    }

    @Override
    public String name() {
        return "FLOAT";
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
