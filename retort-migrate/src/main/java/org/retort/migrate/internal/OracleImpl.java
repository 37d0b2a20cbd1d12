package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;

/** Oracle: scripts end each statement with a {@code /} line (SQL*Plus), {@code ADD spec}, {@code MODIFY c type / NULL / NOT NULL / DEFAULT}, {@code RENAME COLUMN}. */
final class OracleImpl extends DdlImpl {
    OracleImpl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String addColumnKeyword() {
        return "ADD ";
    }

    @Override
    public String terminate(String sql) {
        return sql + "\n\n/\n\n";
    }

    @Override
    public List<String> alterColumn(String schema, String tableName, String column, AlterColumn a) {
        String prefix = "ALTER TABLE " + table(schema, tableName) + " MODIFY " + quote(column) + " ";
        List<String> out = new ArrayList<>();
        if (a.type() != null) {
            out.add(prefix + type(a.type()));
        }
        if (a.nullable() != null) {
            out.add(prefix + (a.nullable() ? "NULL" : "NOT NULL"));
        }
        if (a.changesDefault()) {
            out.add(prefix + "DEFAULT " + (a.removeServerDefault() ? "NULL" : a.serverDefault()));
        }
        if (a.removeIdentity()) {
            out.add(prefix + "DROP IDENTITY");
        }
        if (a.identity() != null) {
            out.add(prefix + identityClause(a.identity()));
        }
        if (a.changesComment()) {
            out.add(columnComment(schema, tableName, column, a.removeComment() ? null : a.comment()));
        }
        if (a.newName() != null) {
            out.add(renameColumn(schema, tableName, column, a.newName()));
        }
        return out;
    }
}
