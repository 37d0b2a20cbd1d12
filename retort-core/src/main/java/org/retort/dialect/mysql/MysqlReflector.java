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
import org.retort.inspect.Reflector;
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
public class MysqlReflector extends Reflector {
    private static final String IN_SCHEMA = "table_schema = coalesce(?, DATABASE())";

    /**
     * Creates the reflector.
     *
     * @param dialect the MySQL or MariaDB dialect
     */
    public MysqlReflector(MysqlDialect dialect) {
        super(dialect);
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
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE " + IN_SCHEMA
                + " AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY table_name", schema);
    }

    @Override
    public List<String> viewNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE " + IN_SCHEMA
                + " AND table_type = 'VIEW' ORDER BY table_name", schema);
    }

    @Override
    public List<String> sequenceNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE " + IN_SCHEMA
                + " AND table_type = 'SEQUENCE' ORDER BY table_name", schema);
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
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : query(c, "SELECT k.constraint_name, k.column_name, k.referenced_table_schema, "
                + "k.referenced_table_name, k.referenced_column_name, rc.update_rule, rc.delete_rule "
                + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints rc "
                + "ON rc.constraint_schema = k.constraint_schema AND rc.constraint_name = k.constraint_name "
                + "AND rc.table_name = k.table_name "
                + "WHERE k." + IN_SCHEMA + " AND k.table_name = ? AND k.referenced_table_name IS NOT NULL "
                + "ORDER BY k.constraint_name, k.ordinal_position", schema, table)) {
            byName.computeIfAbsent((String) r.get("constraint_name"), k -> new ArrayList<>()).add(r);
        }
        List<ReflectedForeignKey> out = new ArrayList<>();
        byName.forEach((name, rows) -> {
            Map<String, Object> f = rows.get(0);
            String refSchema = (String) f.get("referenced_table_schema");
            out.add(new ReflectedForeignKey(name, rows.stream().map(r -> (String) r.get("column_name")).toList(),
                    own.equals(refSchema) ? null : refSchema, (String) f.get("referenced_table_name"),
                    rows.stream().map(r -> (String) r.get("referenced_column_name")).toList(),
                    action((String) f.get("delete_rule")), action((String) f.get("update_rule")), null, null));
        });
        return out;
    }

    private static String action(String rule) {
        return rule == null || rule.equals("NO ACTION") || rule.equals("RESTRICT") ? null : rule;
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
            List<String> cols = rows.stream().map(r -> (String) r.get("column_name")).toList();
            out.add(new ReflectedIndex(name, cols, cols, ((Number) rows.get(0).get("non_unique")).intValue() == 0,
                    null));
        });
        return out;
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : query(c, "SELECT t.constraint_name, k.column_name FROM "
                + "information_schema.table_constraints t JOIN information_schema.key_column_usage k "
                + "ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name "
                + "AND k.table_name = t.table_name WHERE t." + IN_SCHEMA + " AND t.table_name = ? "
                + "AND t.constraint_type = 'UNIQUE' ORDER BY t.constraint_name, k.ordinal_position", schema, table)) {
            byName.computeIfAbsent((String) r.get("constraint_name"), k -> new ArrayList<>())
                    .add((String) r.get("column_name"));
        }
        List<ReflectedUnique> out = new ArrayList<>();
        byName.forEach((n, cols) -> out.add(new ReflectedUnique(n, cols)));
        return out;
    }

    @Override
    public List<ReflectedCheck> checkConstraints(Connection c, String schema, String table) throws SQLException {
        boolean maria = dialect.name().equals("mariadb");
        List<ReflectedCheck> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, "SELECT t.constraint_name, cc.check_clause FROM "
                + "information_schema.table_constraints t JOIN information_schema.check_constraints cc "
                + "ON cc.constraint_schema = t.constraint_schema AND cc.constraint_name = t.constraint_name "
                + (maria ? "AND cc.table_name = t.table_name " : "")
                + "WHERE t." + IN_SCHEMA + " AND t.table_name = ? AND t.constraint_type = 'CHECK' "
                + "ORDER BY t.constraint_name", schema, table)) {
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
        List<String> r = strings(c, "SELECT table_comment FROM information_schema.tables WHERE " + IN_SCHEMA
                + " AND table_name = ?", schema, table);
        return r.isEmpty() || r.get(0) == null || r.get(0).isEmpty() ? null : r.get(0);
    }
}
