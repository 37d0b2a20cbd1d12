package org.retort.migrate.internal;

import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;
import org.retort.migrate.MigrationException;

/**
 * H2: {@code ALTER COLUMN c SET DATA TYPE x}, {@code ALTER COLUMN c RENAME TO n}, and a full column definition to
 * add an IDENTITY.
 */
final class H2Impl extends DdlImpl {
    H2Impl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String alterTypeClause(String column, AlterColumn a) {
        return "SET DATA TYPE " + type(a.type());
    }

    @Override
    protected String addIdentityClause(AlterColumn a) {
        if (a.finalType() == null) {
            throw new MigrationException("H2 restates the column to make it an IDENTITY: give the current type of the "
                    + "column with existingType(...)");
        }
        return type(a.finalType()) + " " + identityClause(a.identity());
    }

    @Override
    protected String renameColumn(String schema, String tableName, String column, String newName) {
        return "ALTER TABLE " + table(schema, tableName) + " ALTER COLUMN " + quote(column) + " RENAME TO "
                + quote(newName);
    }
}
