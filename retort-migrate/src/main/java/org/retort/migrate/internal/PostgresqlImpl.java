package org.retort.migrate.internal;

import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;

/** PostgreSQL: the standard ALTER COLUMN spellings, with {@code TYPE x USING expr} for conversions. */
final class PostgresqlImpl extends DdlImpl {
    PostgresqlImpl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String alterTypeClause(String column, AlterColumn a) {
        return "TYPE " + type(a.type()) + (a.using() == null ? "" : " USING " + a.using());
    }
}
