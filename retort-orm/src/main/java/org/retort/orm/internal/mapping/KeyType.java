package org.retort.orm.internal.mapping;

import org.retort.dialect.Dialect;
import org.retort.types.SqlType;
import org.retort.types.Types;
import org.retort.types.ValueBinder;
import org.retort.types.ValueReader;

/**
 * The type of a generated {@code Long} primary key: BIGINT, except INTEGER in SQLite's DDL, where only an
 * INTEGER primary key is the rowid that generates keys (SQLAlchemy users meet this as "BigInteger doesn't
 * autoincrement on SQLite"). Values always travel as {@code long}.
 */
public final class KeyType extends org.retort.types.TypeDecorator<Long, Long> {
    static final KeyType INSTANCE = new KeyType();

    private KeyType() {
        super(Long.class, Types.BIGINT);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SqlType<Long> impl(Dialect dialect) {
        return "sqlite".equals(dialect.name()) ? (SqlType) Types.INTEGER : Types.BIGINT;
    }

    @Override
    public ValueBinder<Long> binder(Dialect dialect) {
        return Types.BIGINT.binder(dialect);
    }

    @Override
    public ValueReader<Long> reader(Dialect dialect) {
        return Types.BIGINT.reader(dialect);
    }

    @Override
    protected Long toDatabase(Long value) {
        return value;
    }

    @Override
    protected Long fromDatabase(Long value) {
        return value;
    }
}
