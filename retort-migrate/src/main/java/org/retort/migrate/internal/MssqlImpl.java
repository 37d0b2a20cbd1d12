package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;
import org.retort.migrate.MigrationException;

/**
 * SQL Server: {@code ALTER COLUMN c type [NOT] NULL} restates type and nullability together; defaults are
 * constraints ({@code ADD DEFAULT x FOR c}, dropped by looking the constraint's name up in
 * {@code sys.default_constraints}); renames go through {@code sp_rename}; scripts separate batches with GO.
 */
final class MssqlImpl extends DdlImpl {
    MssqlImpl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String addColumnKeyword() {
        return "ADD ";
    }

    @Override
    public String beginSql() {
        return "BEGIN TRANSACTION";
    }

    @Override
    public String terminate(String sql) {
        return sql + ";\n\nGO\n\n";
    }

    @Override
    public List<String> renameTable(String schema, String name, String newName) {
        return List.of("EXEC sp_rename '" + plain(schema, name) + "', '" + newName.replace("'", "''") + "'");
    }

    private static String plain(String schema, String name) {
        return ((schema == null ? "" : schema + ".") + name).replace("'", "''");
    }

    @Override
    public List<String> dropIndex(String schema, String tableName, String name) {
        return List.of("DROP INDEX " + quote(name) + " ON " + table(schema, tableName));
    }

    @Override
    public List<String> alterColumn(String schema, String tableName, String column, AlterColumn a) {
        String t = table(schema, tableName);
        if (a.identity() != null || a.removeIdentity()) {
            throw new MigrationException("SQL Server cannot add or remove IDENTITY on existing column " + tableName + "."
                    + column + ": add a new column and copy the values");
        }
        List<String> out = new ArrayList<>();
        if (a.type() != null || a.nullable() != null) {
            if (a.finalType() == null) {
                throw new MigrationException("SQL Server restates the type to change the nullability of " + tableName
                        + "." + column + ": give its current type with existingType(...)");
            }
            Boolean nullable = a.finalNullable();
            out.add("ALTER TABLE " + t + " ALTER COLUMN " + quote(column) + " " + type(a.finalType())
                    + (nullable == null ? "" : nullable ? " NULL" : " NOT NULL"));
        }
        if (a.changesDefault()) {
            if (a.existingServerDefault() != null || a.removeServerDefault()) {
                out.add(dropDefault(schema, tableName, column));
            }
            if (!a.removeServerDefault()) {
                out.add("ALTER TABLE " + t + " ADD DEFAULT " + a.serverDefault() + " FOR " + quote(column));
            }
        }
        if (a.changesComment()) {
            requireComments("column " + tableName + "." + column);
        }
        if (a.newName() != null) {
            out.add(renameColumn(schema, tableName, column, a.newName()));
        }
        return out;
    }

    private String dropDefault(String schema, String tableName, String column) {
        return "DECLARE @const_name VARCHAR(256)\n"
                + "SELECT @const_name = QUOTENAME([name]) FROM sys.default_constraints\n"
                + "WHERE parent_object_id = OBJECT_ID('" + plain(schema, tableName) + "')\n"
                + "AND COL_NAME(parent_object_id, parent_column_id) = '" + column.replace("'", "''") + "'\n"
                + "EXEC('ALTER TABLE " + table(schema, tableName).replace("'", "''") + " DROP CONSTRAINT ' + @const_name)";
    }

    @Override
    protected String renameColumn(String schema, String tableName, String column, String newName) {
        return "EXEC sp_rename '" + plain(schema, tableName) + "." + column.replace("'", "''") + "', '"
                + newName.replace("'", "''") + "', 'COLUMN'";
    }
}
