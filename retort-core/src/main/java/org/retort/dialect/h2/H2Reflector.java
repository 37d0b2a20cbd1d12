package org.retort.dialect.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.inspect.ReflectedCheck;
import org.retort.inspect.ReflectedColumn;
import org.retort.inspect.ReflectedForeignKey;
import org.retort.inspect.ReflectedIndex;
import org.retort.inspect.ReflectedPrimaryKey;
import org.retort.inspect.ReflectedUnique;
import org.retort.inspect.InformationSchemaReflector;
import org.retort.schema.Computed;
import org.retort.schema.Identity;
import org.retort.types.ArrayType;
import org.retort.types.SqlType;
import org.retort.types.Types;

/**
 * H2 2.x's catalog from {@code INFORMATION_SCHEMA} (tables, columns, constraints, indexes and their columns,
 * enum values, array element types). A null schema means {@code CURRENT_SCHEMA}.
 */
public class H2Reflector extends InformationSchemaReflector {
    private static final String IN_SCHEMA = "table_schema = coalesce(?, CURRENT_SCHEMA)";

    /**
     * Creates the reflector.
     *
     * @param dialect the H2 dialect
     */
    public H2Reflector(H2Dialect dialect) {
        super(dialect, IN_SCHEMA);
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
        return tablesWhere(c, schema, "upper(table_type) = 'BASE TABLE'");
    }

    @Override
    public List<String> viewNames(Connection c, String schema) throws SQLException {
        return tablesWhere(c, schema, "upper(table_type) = 'VIEW'");
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

    private static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException {
        return primaryKeyFrom(constraintColumns(c, schema, table, "PRIMARY KEY"));
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        String own = schema != null ? schema : defaultSchemaName(c);
        return foreignKeysFrom(query(c, "SELECT k.constraint_name, k.column_name, u.table_schema AS refschema, "
                + "u.table_name AS reftable, u.column_name AS refcol, rc.update_rule, rc.delete_rule "
                + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints rc "
                + "ON rc.constraint_schema = k.constraint_schema AND rc.constraint_name = k.constraint_name "
                + "JOIN information_schema.key_column_usage u ON u.constraint_schema = rc.unique_constraint_schema "
                + "AND u.constraint_name = rc.unique_constraint_name "
                + "AND u.ordinal_position = k.position_in_unique_constraint "
                + "WHERE k." + IN_SCHEMA + " AND k.table_name = ? ORDER BY k.constraint_name, k.ordinal_position",
                schema, table), own, InformationSchemaReflector::action);
    }

    @Override
    public List<ReflectedIndex> indexes(Connection c, String schema, String table) throws SQLException {
        Map<String, List<Map<String, Object>>> byName = groupBy(query(c, "SELECT i.index_name, i.index_type_name, ic.column_name FROM "
                + "information_schema.indexes i JOIN information_schema.index_columns ic "
                + "ON ic.index_schema = i.index_schema AND ic.index_name = i.index_name "
                + "WHERE i." + IN_SCHEMA + " AND i.table_name = ? AND NOT i.is_generated "
                + "AND upper(i.index_type_name) <> 'PRIMARY KEY' ORDER BY i.index_name, ic.ordinal_position", schema, table), "index_name");
        List<ReflectedIndex> out = new ArrayList<>();
        byName.forEach((name, rows) -> {
            List<String> cols = column(rows, "column_name");
            out.add(new ReflectedIndex(name, cols, cols, "UNIQUE INDEX".equalsIgnoreCase((String) rows.get(0).get("index_type_name")),
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
        List<ReflectedCheck> out = new ArrayList<>();
        for (Map<String, Object> r : checkRows(c, schema, table, false)) {
            out.add(new ReflectedCheck((String) r.get("constraint_name"), (String) r.get("check_clause")));
        }
        return out;
    }

    @Override
    public String tableComment(Connection c, String schema, String table) throws SQLException {
        return tableValue(c, schema, table, "remarks");
    }
}
