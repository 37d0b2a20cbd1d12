package org.retort.migrate.internal;

import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;

/** H2: {@code ALTER COLUMN c SET DATA TYPE x} and {@code ALTER COLUMN c RENAME TO n}. */
final class H2Impl extends DdlImpl {
    H2Impl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String alterTypeClause(String column, AlterColumn a) {
        return "SET DATA TYPE " + type(a.type());
    }

    @Override
    protected String renameColumn(String schema, String tableName, String column, String newName) {
        return "ALTER TABLE " + table(schema, tableName) + " ALTER COLUMN " + quote(column) + " RENAME TO "
                + quote(newName);
    }
}
