package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * Binary data as {@code byte[]}: {@code BLOB}, {@code BYTEA} on PostgreSQL, {@code VARBINARY(max)} on SQL Server.
 * A length, when given, lets MySQL pick a BLOB size that holds it ({@code BLOB(n)}).
 *
 * @param length the largest value in bytes, or null
 */
public record LargeBinaryType(Integer length) implements SqlType<byte[]> {

    @Override
    public Class<byte[]> javaType() {
        return byte[].class;
    }

    @Override
    public String name() {
        return "BLOB";
    }

    @Override
    public ValueBinder<byte[]> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<byte[]> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
