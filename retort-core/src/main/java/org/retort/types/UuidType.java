package org.retort.types;

import java.util.UUID;
import org.retort.dialect.Dialect;

/**
 * A {@link UUID}: the database's own UUID type where it has one (PostgreSQL, H2, SQL Server's
 * {@code UNIQUEIDENTIFIER}), else {@code CHAR(32)} holding 32 lower-case hex digits, as SQLAlchemy stores it.
 *
 * @param nativeUuid false to use {@code CHAR(32)} even where a native type exists
 */
public record UuidType(boolean nativeUuid) implements SqlType<UUID> {

    @Override
    public Class<UUID> javaType() {
        return UUID.class;
    }

    @Override
    public String name() {
        return "UUID";
    }

    @Override
    public ValueBinder<UUID> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<UUID> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
