package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.migrate.AlterColumn;
import org.retort.migrate.ConstraintKind;
import org.retort.migrate.MigrationException;

/**
 * MySQL and MariaDB: a column's type, nullability, comment or name change restates the whole column with
 * {@code MODIFY} or {@code CHANGE}, so the parts that do not change come from the {@code existing*} hints; a
 * default alone changes with {@code ALTER COLUMN c SET/DROP DEFAULT}. Each constraint kind has its own DROP.
 */
final class MysqlImpl extends DdlImpl {
    MysqlImpl(Dialect dialect) {
        super(dialect);
    }

    @Override
    public List<String> alterColumn(String schema, String tableName, String column, AlterColumn a) {
        String t = table(schema, tableName);
        if (a.identity() != null || a.removeIdentity()) {
            throw new MigrationException(dialect.name() + " has AUTO_INCREMENT, not IDENTITY: restate column "
                    + tableName + "." + column + " with op.execute(\"ALTER TABLE ... MODIFY ... AUTO_INCREMENT\")");
        }
        List<String> out = new ArrayList<>();
        boolean restate = a.type() != null || a.nullable() != null || a.changesComment() || a.newName() != null;
        if (!restate) {
            if (a.changesDefault()) {
                out.add("ALTER TABLE " + t + " ALTER COLUMN " + quote(column)
                        + (a.removeServerDefault() ? " DROP DEFAULT" : " SET DEFAULT " + a.serverDefault()));
            }
            return out;
        }
        if (a.finalType() == null) {
            throw new MigrationException("MySQL restates the whole column to alter " + tableName + "." + column
                    + ": give its current type with existingType(...)");
        }
        if (a.finalNullable() == null) {
            throw new MigrationException("MySQL restates the whole column to alter " + tableName + "." + column
                    + ": give its current nullability with existingNullable(...)");
        }
        StringBuilder spec = new StringBuilder(type(a.finalType()));
        spec.append(a.finalNullable() ? " NULL" : " NOT NULL");
        if (a.finalServerDefault() != null) {
            spec.append(" DEFAULT ").append(a.finalServerDefault());
        }
        if (a.finalComment() != null) {
            spec.append(" COMMENT ").append(literal(a.finalComment()));
        }
        if (a.newName() != null) {
            out.add("ALTER TABLE " + t + " CHANGE " + quote(column) + " " + quote(a.newName()) + " " + spec);
        } else {
            out.add("ALTER TABLE " + t + " MODIFY " + quote(column) + " " + spec);
        }
        return out;
    }

    @Override
    public List<String> setTableComment(String schema, String name, String comment) {
        return List.of("ALTER TABLE " + table(schema, name) + " COMMENT " + literal(comment == null ? "" : comment));
    }

    @Override
    public List<String> dropIndex(String schema, String tableName, String name) {
        return List.of("DROP INDEX " + quote(name) + " ON " + table(schema, tableName));
    }

    @Override
    public List<String> dropConstraint(String schema, String tableName, String name, ConstraintKind kind) {
        String t = "ALTER TABLE " + table(schema, tableName);
        return List.of(switch (kind) {
            case FOREIGN_KEY -> t + " DROP FOREIGN KEY " + quote(name);
            case UNIQUE -> t + " DROP INDEX " + quote(name);
            case PRIMARY_KEY -> t + " DROP PRIMARY KEY";
            case CHECK -> t + (dialect.name().equals("mariadb") ? " DROP CONSTRAINT " : " DROP CHECK ") + quote(name);
        });
    }
}
