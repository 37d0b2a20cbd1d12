package org.retort.types;

import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;

/**
 * Bounded character data: {@code VARCHAR(n)} (SQLAlchemy's {@code String}), or with {@code unicode} set,
 * {@code NVARCHAR(n)} on databases that separate the two (SQLAlchemy's {@code Unicode}).
 *
 * <p>The length may be null where the database allows an unbounded VARCHAR (SQLite, PostgreSQL, H2); MySQL,
 * Oracle and SQL Server need one, and compiling DDL without it fails naming the column.
 *
 * @param length the maximum length in characters, or null
 * @param unicode true for national character data ({@code NVARCHAR})
 */
public record StringType(Integer length, boolean unicode) implements SqlType<String> {

    /**
     * Checks the length.
     *
     * @param length the maximum length in characters, or null
     * @param unicode true for national character data ({@code NVARCHAR})
     */
    public StringType {
        if (length != null && length <= 0) {
            throw new ArgumentException("A VARCHAR length must be positive, got " + length);
        }
    }

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String name() {
        return unicode ? "NVARCHAR" : "VARCHAR";
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
