package org.retort.dialect.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retort.inspect.ReflectedCheck;
import org.retort.inspect.ReflectedColumn;
import org.retort.inspect.ReflectedForeignKey;
import org.retort.inspect.ReflectedIndex;
import org.retort.inspect.ReflectedPrimaryKey;
import org.retort.inspect.ReflectedUnique;
import org.retort.inspect.InformationSchemaReflector;
import org.retort.schema.Computed;
import org.retort.types.SqlType;
import org.retort.types.Types;

/**
 * MySQL's and MariaDB's catalog from {@code information_schema}. A schema is a database; null means
 * {@code DATABASE()}. What the server cannot tell apart is reported one way: a UNIQUE index is a unique
 * constraint, {@code TINYINT(1)} is BOOLEAN, RESTRICT (the default) is reported as no action, and the index
 * InnoDB adds for a foreign key is left out. MariaDB's JSON is LONGTEXT with a {@code json_valid} CHECK, which is
 * left out of the check constraints.
 */
public class MysqlReflector extends InformationSchemaReflector {
    private static final String IN_SCHEMA = "table_schema = coalesce(?, DATABASE())";

    /**
     * Creates the reflector.
     *
     * @param dialect the MySQL or MariaDB dialect
     */
    public MysqlReflector(MysqlDialect dialect) {
        super(dialect, IN_SCHEMA);
    }

    @Override
    protected SqlType<?> mapType(String base, Integer a0, Integer a1, boolean withTimeZone) {
        if (base.equals("TINYINT") && Integer.valueOf(1).equals(a0)) {
            return Types.BOOLEAN;
        }
        if (base.equals("BLOB")) {
            return Types.LARGE_BINARY;
        }
        if ((base.equals("INT") || base.equals("INTEGER") || base.equals("BIGINT") || base.equals("SMALLINT"))) {
            return super.mapType(base, null, null, false);
        }
        return super.mapType(base, a0, a1, withTimeZone);
    }

    @Override
    public String defaultSchemaName(Connection c) throws SQLException {
        return strings(c, "SELECT DATABASE()").get(0);
    }

    @Override
    public List<String> schemaNames(Connection c) throws SQLException {
        return strings(c, "SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN "
                + "('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY schema_name");
    }

    @Override
    public List<String> tableNames(Connection c, String schema) throws SQLException {
        return tablesWhere(c, schema, "table_type IN ('BASE TABLE', 'SYSTEM VERSIONED')");
    }

    @Override
    public List<String> viewNames(Connection c, String schema) throws SQLException {
        return tablesWhere(c, schema, "table_type = 'VIEW'");
    }

    @Override
    public List<String> sequenceNames(Connection c, String schema) throws SQLException {
        return tablesWhere(c, schema, "table_type = 'SEQUENCE'");
    }

    @Override
    public List<ReflectedColumn> columns(Connection c, String schema, String table) throws SQLException {
        List<ReflectedColumn> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, "SELECT column_name, column_type, is_nullable, column_default, extra, "
                + "column_comment, generation_expression FROM information_schema.columns WHERE " + IN_SCHEMA
                + " AND table_name = ? ORDER BY ordinal_position", schema, table)) {
            String extra = str(r.get("extra")).toLowerCase(Locale.ROOT);
            String dflt = (String) r.get("column_default");
            if ("NULL".equals(dflt)) {
                dflt = null;
            }
            Computed computed = null;
            if (extra.contains("generated") && r.get("generation_expression") != null
                    && !str(r.get("generation_expression")).isEmpty()) {
                computed = new Computed(str(r.get("generation_expression")), extra.contains("stored"));
                dflt = null;
            }
            String comment = str(r.get("column_comment"));
            out.add(new ReflectedColumn((String) r.get("column_name"), parseType(str(r.get("column_type"))),
                    "YES".equals(r.get("is_nullable")), dflt, extra.contains("auto_increment"), null, computed,
                    comment.isEmpty() ? null : comment));
        }
        return out;
    }

    private static String str(Object o) {
        if (o instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return o == null ? "" : o.toString();
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException {
        return new ReflectedPrimaryKey(null, strings(c, "SELECT column_name FROM information_schema.key_column_usage "
                + "WHERE " + IN_SCHEMA + " AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position",
                schema, table));
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        String own = schema != null ? schema : defaultSchemaName(c);
        return foreignKeysFrom(query(c, "SELECT k.constraint_name, k.column_name, "
                + "k.referenced_table_schema AS refschema, k.referenced_table_name AS reftable, "
                + "k.referenced_column_name AS refcol, rc.update_rule, rc.delete_rule "
                + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints rc "
                + "ON rc.constraint_schema = k.constraint_schema AND rc.constraint_name = k.constraint_name "
                + "AND rc.table_name = k.table_name "
                + "WHERE k." + IN_SCHEMA + " AND k.table_name = ? AND k.referenced_table_name IS NOT NULL "
                + "ORDER BY k.constraint_name, k.ordinal_position", schema, table), own,
                InformationSchemaReflector::action);
    }

    @Override
    public List<ReflectedIndex> indexes(Connection c, String schema, String table) throws SQLException {
        List<String> skip = new ArrayList<>(strings(c, "SELECT constraint_name FROM information_schema.table_constraints "
                + "WHERE " + IN_SCHEMA + " AND table_name = ?", schema, table));
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : query(c, "SELECT index_name, non_unique, column_name FROM "
                + "information_schema.statistics WHERE " + IN_SCHEMA + " AND table_name = ? "
                + "ORDER BY index_name, seq_in_index", schema, table)) {
            String name = (String) r.get("index_name");
            if (!name.equals("PRIMARY") && !skip.contains(name)) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
            }
        }
        List<ReflectedIndex> out = new ArrayList<>();
        byName.forEach((name, rows) -> {
            List<String> cols = column(rows, "column_name");
            out.add(new ReflectedIndex(name, cols, cols, ((Number) rows.get(0).get("non_unique")).intValue() == 0,
                    null));
        });
        return out;
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        return uniquesFrom(constraintColumns(c, schema, table, "UNIQUE"));
    }

    @Override
    public List<ReflectedCheck> checkConstraints(Connection c, String schema, String table) throws SQLException {
        boolean maria = dialect.name().equals("mariadb");
        List<ReflectedCheck> out = new ArrayList<>();
        for (Map<String, Object> r : checkRows(c, schema, table, maria)) {
            String clause = str(r.get("check_clause"));
            String name = (String) r.get("constraint_name");
            if (clause.equals("json_valid(`" + name + "`)")) {
                continue;
            }
            out.add(new ReflectedCheck(name, clause));
        }
        return out;
    }

    @Override
    public String tableComment(Connection c, String schema, String table) throws SQLException {
        String comment = tableValue(c, schema, table, "table_comment");
        return comment == null || comment.isEmpty() ? null : comment;
    }
}
