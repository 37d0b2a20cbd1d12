package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;
import org.retort.migrate.ConstraintKind;
import org.retort.migrate.MigrationException;
import org.retort.schema.Column;
import org.retort.schema.Constraint;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Table;

/**
 * SQLite: ADD COLUMN (foreign keys inline as {@code REFERENCES}), DROP COLUMN, RENAME COLUMN and RENAME TO are
 * native; anything else about an existing column or constraint needs the table rebuilt, which batch mode does.
 */
final class SqliteImpl extends DdlImpl {
    SqliteImpl(Dialect dialect) {
        super(dialect);
    }

    private static MigrationException needsBatch(String what, String table) {
        return new MigrationException("SQLite cannot " + what + " on existing table '" + table + "': run it inside "
                + "op.batchAlterTable(\"" + table + "\", batch -> ...), which rebuilds the table keeping its data");
    }

    @Override
    public List<String> addColumn(Column<?> column) {
        Table t = column.table();
        StringBuilder sb = new StringBuilder("ALTER TABLE ").append(table(t.schema(), t.name())).append(" ADD COLUMN ")
                .append(ddl.columnDefinition(column));
        for (ForeignKeyConstraint fk : t.foreignKeys()) {
            sb.append(" REFERENCES ").append(table(fk.referredSchema(), fk.referredTableName())).append(" (")
                    .append(String.join(", ", fk.referredColumnNames().stream().map(this::quote).toList())).append(')');
            if (fk.onDeleteAction() != null) {
                sb.append(" ON DELETE ").append(fk.onDeleteAction());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(sb.toString());
        return out;
    }

    @Override
    public List<String> alterColumn(String schema, String tableName, String column, AlterColumn a) {
        if (a.type() != null || a.nullable() != null || a.changesDefault() || a.identity() != null
                || a.removeIdentity()) {
            throw needsBatch("change the type, nullability or default of column '" + column + "'", tableName);
        }
        if (a.changesComment() && a.newName() == null) {
            return List.of();
        }
        return a.newName() == null ? List.of() : List.of(renameColumn(schema, tableName, column, a.newName()));
    }

    @Override
    public List<String> setTableComment(String schema, String name, String comment) {
        return List.of();
    }

    @Override
    public List<String> addConstraint(Constraint constraint) {
        throw needsBatch("add constraint " + constraint, constraint.table().name());
    }

    @Override
    public List<String> dropConstraint(String schema, String tableName, String name, ConstraintKind kind) {
        throw needsBatch("drop constraint '" + name + "'", tableName);
    }
}
