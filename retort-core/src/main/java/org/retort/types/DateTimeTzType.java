package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A point in time with its offset ({@code DateTime(timezone=True)}), as {@link java.time.OffsetDateTime}: {@code TIMESTAMP WITH TIME ZONE} where the database has it; on MySQL/MariaDB the UTC instant is stored and read back at offset UTC; on SQLite ISO-8601 text keeps the offset.
 */
public record DateTimeTzType() implements SqlType<java.time.OffsetDateTime> {

    @Override
    public Class<java.time.OffsetDateTime> javaType() {
        return java.time.OffsetDateTime.class;
    }

    @Override
    public String name() {
        return "DATETIME_TZ";
    }

    @Override
    public ValueBinder<java.time.OffsetDateTime> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<java.time.OffsetDateTime> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
