package org.retort.types;

import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;

/**
 * Fixed-length character data, {@code CHAR(n)}. Most databases pad stored values with spaces; the value read
 * back is what the driver returns (PostgreSQL and H2 keep the padding, MySQL strips it).
 *
 * @param length the length in characters
 */
public record CharType(int length) implements SqlType<String> {

    /**
     * Checks the length.
     *
     * @param length the length in characters
     */
    public CharType {
        if (length <= 0) {
            throw new ArgumentException("A CHAR length must be positive, got " + length);
        }
    }

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String name() {
        return "CHAR";
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
