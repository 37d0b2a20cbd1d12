package org.retort.types;

import java.math.BigDecimal;
import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;

/**
 * An exact decimal number, {@code NUMERIC(p, s)}, read and written as {@link BigDecimal}. Values read back
 * carry the declared scale ({@code 1.5} in a {@code NUMERIC(10, 2)} reads as {@code 1.50}) on every database,
 * SQLite included, where the value travels as text so no digit is lost to floating point.
 *
 * @param precision the total number of digits, or null for the database's default
 * @param scale the digits after the decimal point, or null
 */
public record NumericType(Integer precision, Integer scale) implements SqlType<BigDecimal> {

    /**
     * Checks the parameters.
     *
     * @param precision the total number of digits, or null for the database's default
     * @param scale the digits after the decimal point, or null
     */
    public NumericType {
        if (precision != null && precision <= 0) {
            throw new ArgumentException("NUMERIC precision must be positive, got " + precision);
        }
        if (scale != null && (scale < 0 || precision == null || scale > precision)) {
            throw new ArgumentException("NUMERIC scale must be between 0 and the precision, got (" + precision
                    + ", " + scale + ")");
        }
    }

    @Override
    public Class<BigDecimal> javaType() {
        return BigDecimal.class;
    }

    @Override
    public String name() {
        return "NUMERIC";
    }

    @Override
    public ValueBinder<BigDecimal> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<BigDecimal> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
