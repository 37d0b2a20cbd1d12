package org.retort.dialect.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.inspect.ReflectedCheck;
import org.retort.inspect.ReflectedColumn;
import org.retort.inspect.ReflectedForeignKey;
import org.retort.inspect.ReflectedIndex;
import org.retort.inspect.ReflectedPrimaryKey;
import org.retort.inspect.ReflectedUnique;
import org.retort.inspect.Reflector;
import org.retort.schema.Computed;
import org.retort.schema.Identity;
import org.retort.types.ArrayType;
import org.retort.types.SqlType;
import org.retort.types.Types;

/**
 * H2 2.x's catalog from {@code INFORMATION_SCHEMA} (tables, columns, constraints, indexes and their columns,
 * enum values, array element types). A null schema means {@code CURRENT_SCHEMA}.
 */
public class H2Reflector extends Reflector {
    private static final String IN_SCHEMA = "table_schema = coalesce(?, CURRENT_SCHEMA)";

    /**
     * Creates the reflector.
     *
     * @param dialect the H2 dialect
     */
    public H2Reflector(H2Dialect dialect) {
        super(dialect);
    }

    @Override
    public String defaultSchemaName(Connection c) throws SQLException {
        return strings(c, "SELECT CURRENT_SCHEMA").get(0);
    }

    @Override
    public List<String> schemaNames(Connection c) throws SQLException {
        return strings(c, "SELECT schema_name FROM information_schema.schemata WHERE schema_name <> "
                + "'information_schema' ORDER BY schema_name");
    }

    @Override
    public List<String> tableNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE " + IN_SCHEMA
                + " AND upper(table_type) = 'BASE TABLE' ORDER BY table_name", schema);
    }

    @Override
    public List<String> viewNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE " + IN_SCHEMA
                + " AND upper(table_type) = 'VIEW' ORDER BY table_name", schema);
    }

    @Override
    public List<String> sequenceNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = "
                + "coalesce(?, CURRENT_SCHEMA) ORDER BY sequence_name", schema);
    }

    @Override
    public List<ReflectedColumn> columns(Connection c, String schema, String table) throws SQLException {
        List<ReflectedColumn> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, "SELECT c.column_name, c.data_type, c.character_maximum_length AS len, "
                + "c.numeric_precision AS prec, c.numeric_scale AS scale, c.is_nullable, c.column_default, "
                + "c.is_identity, c.identity_generation, c.identity_start, c.identity_increment, c.is_generated, "
                + "c.generation_expression, c.remarks, "
                + "(SELECT e.data_type FROM information_schema.element_types e WHERE e.object_schema = c.table_schema "
                + "AND e.object_name = c.table_name AND e.collection_type_identifier = c.dtd_identifier) AS element, "
                + "(SELECT max(length(v.value_name)) FROM information_schema.enum_values v WHERE "
                + "v.object_schema = c.table_schema AND v.object_name = c.table_name "
                + "AND v.enum_identifier = c.dtd_identifier) AS enumlen "
                + "FROM information_schema.columns c WHERE c." + IN_SCHEMA + " AND c.table_name = ? "
                + "ORDER BY c.ordinal_position", schema, table)) {
            String dt = ((String) r.get("data_type")).toUpperCase(java.util.Locale.ROOT);
            SqlType<?> type = switch (dt) {
                case "ENUM" -> Types.VARCHAR(((Number) r.get("enumlen")).intValue());
                case "ARRAY" -> new ArrayType<>(parseType((String) r.get("element")));
                case "CHARACTER VARYING", "CHARACTER" -> parseType(dt + "(" + r.get("len") + ")");
                case "NUMERIC", "DECIMAL" -> parseType("NUMERIC(" + r.get("prec") + "," + r.get("scale") + ")");
                default -> parseType(dt);
            };
            Identity identity = null;
            if ("YES".equalsIgnoreCase((String) r.get("is_identity"))) {
                identity = new Identity("ALWAYS".equalsIgnoreCase((String) r.get("identity_generation")), num(r.get("identity_start")),
                        num(r.get("identity_increment")));
            }
            Computed computed = null;
            if ("ALWAYS".equalsIgnoreCase((String) r.get("is_generated"))) {
                computed = new Computed((String) r.get("generation_expression"), null);
            }
            out.add(new ReflectedColumn((String) r.get("column_name"), type, "YES".equalsIgnoreCase((String) r.get("is_nullable")),
                    computed == null ? (String) r.get("column_default") : null, identity != null, identity, computed,
                    (String) r.get("remarks")));
        }
        return out;
    }

    private static String upper(Object o) {
        return o == null ? null : o.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private List<Map<String, Object>> constraintColumns(Connection c, String schema, String table, String type)
            throws SQLException {
        return query(c, "SELECT t.constraint_name, k.column_name FROM information_schema.table_constraints t "
                + "JOIN information_schema.key_column_usage k ON k.constraint_schema = t.constraint_schema "
                + "AND k.constraint_name = t.constraint_name WHERE t." + IN_SCHEMA + " AND t.table_name = ? "
                + "AND upper(t.constraint_type) = ? ORDER BY t.constraint_name, k.ordinal_position", schema, table, type);
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException {
        List<Map<String, Object>> rows = constraintColumns(c, schema, table, "PRIMARY KEY");
        return new ReflectedPrimaryKey(rows.isEmpty() ? null : (String) rows.get(0).get("constraint_name"),
                rows.stream().map(r -> (String) r.get("column_name")).toList());
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        String own = schema != null ? schema : defaultSchemaName(c);
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : query(c, "SELECT k.constraint_name, k.column_name, u.table_schema AS refschema, "
                + "u.table_name AS reftable, u.column_name AS refcol, rc.update_rule, rc.delete_rule "
                + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints rc "
                + "ON rc.constraint_schema = k.constraint_schema AND rc.constraint_name = k.constraint_name "
                + "JOIN information_schema.key_column_usage u ON u.constraint_schema = rc.unique_constraint_schema "
                + "AND u.constraint_name = rc.unique_constraint_name "
                + "AND u.ordinal_position = k.position_in_unique_constraint "
                + "WHERE k." + IN_SCHEMA + " AND k.table_name = ? ORDER BY k.constraint_name, k.ordinal_position",
                schema, table)) {
            byName.computeIfAbsent((String) r.get("constraint_name"), k -> new ArrayList<>()).add(r);
        }
        List<ReflectedForeignKey> out = new ArrayList<>();
        byName.forEach((name, rows) -> {
            Map<String, Object> f = rows.get(0);
            String refSchema = (String) f.get("refschema");
            out.add(new ReflectedForeignKey(name, rows.stream().map(r -> (String) r.get("column_name")).toList(),
                    own.equals(refSchema) ? null : refSchema, (String) f.get("reftable"),
                    rows.stream().map(r -> (String) r.get("refcol")).toList(), action(upper(f.get("delete_rule"))),
                    action(upper(f.get("update_rule"))), null, null));
        });
        return out;
    }

    private static String action(String rule) {
        return rule == null || rule.equalsIgnoreCase("NO ACTION") || rule.equalsIgnoreCase("RESTRICT") ? null : rule;
    }

    @Override
    public List<ReflectedIndex> indexes(Connection c, String schema, String table) throws SQLException {
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : query(c, "SELECT i.index_name, i.index_type_name, ic.column_name FROM "
                + "information_schema.indexes i JOIN information_schema.index_columns ic "
                + "ON ic.index_schema = i.index_schema AND ic.index_name = i.index_name "
                + "WHERE i." + IN_SCHEMA + " AND i.table_name = ? AND NOT i.is_generated "
                + "AND upper(i.index_type_name) <> 'PRIMARY KEY' ORDER BY i.index_name, ic.ordinal_position", schema, table)) {
            byName.computeIfAbsent((String) r.get("index_name"), k -> new ArrayList<>()).add(r);
        }
        List<ReflectedIndex> out = new ArrayList<>();
        byName.forEach((name, rows) -> {
            List<String> cols = rows.stream().map(r -> (String) r.get("column_name")).toList();
            out.add(new ReflectedIndex(name, cols, cols, "UNIQUE INDEX".equalsIgnoreCase((String) rows.get(0).get("index_type_name")),
                    null));
        });
        return out;
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : constraintColumns(c, schema, table, "UNIQUE")) {
            byName.computeIfAbsent((String) r.get("constraint_name"), k -> new ArrayList<>())
                    .add((String) r.get("column_name"));
        }
        List<ReflectedUnique> out = new ArrayList<>();
        byName.forEach((n, cols) -> out.add(new ReflectedUnique(n, cols)));
        return out;
    }

    @Override
    public List<ReflectedCheck> checkConstraints(Connection c, String schema, String table) throws SQLException {
        List<ReflectedCheck> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, "SELECT t.constraint_name, cc.check_clause FROM "
                + "information_schema.table_constraints t JOIN information_schema.check_constraints cc "
                + "ON cc.constraint_schema = t.constraint_schema AND cc.constraint_name = t.constraint_name "
                + "WHERE t." + IN_SCHEMA + " AND t.table_name = ? AND upper(t.constraint_type) = 'CHECK' "
                + "ORDER BY t.constraint_name", schema, table)) {
            out.add(new ReflectedCheck((String) r.get("constraint_name"), (String) r.get("check_clause")));
        }
        return out;
    }

    @Override
    public String tableComment(Connection c, String schema, String table) throws SQLException {
        List<String> r = strings(c, "SELECT remarks FROM information_schema.tables WHERE " + IN_SCHEMA
                + " AND table_name = ?", schema, table);
        return r.isEmpty() ? null : r.get(0);
    }
}
