package org.retort.dialect.postgresql;

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
import org.retort.types.SqlType;
import org.retort.types.Types;

/**
 * PostgreSQL's catalog, read from {@code pg_catalog} ({@code pg_class}, {@code pg_attribute},
 * {@code pg_constraint}, {@code pg_index}) with {@code format_type}, {@code pg_get_expr} and
 * {@code pg_get_constraintdef} for the text forms. A null schema means {@code current_schema()}.
 */
public class PostgresqlReflector extends Reflector {
    private static final String IN_SCHEMA = "n.nspname = coalesce(CAST(? AS name), current_schema())";
    private static final String TABLE = " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ";

    /**
     * Creates the reflector.
     *
     * @param dialect the PostgreSQL dialect
     */
    public PostgresqlReflector(PostgresqlDialect dialect) {
        super(dialect);
    }

    @Override
    public String defaultSchemaName(Connection c) throws SQLException {
        return strings(c, "SELECT current_schema()").get(0);
    }

    @Override
    public List<String> schemaNames(Connection c) throws SQLException {
        return strings(c, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg~_%' ESCAPE '~' "
                + "AND nspname <> 'information_schema' ORDER BY nspname");
    }

    @Override
    public List<String> tableNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT c.relname" + TABLE + "WHERE " + IN_SCHEMA + " AND c.relkind IN ('r', 'p') "
                + "ORDER BY c.relname", schema);
    }

    @Override
    public List<String> viewNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT c.relname" + TABLE + "WHERE " + IN_SCHEMA + " AND c.relkind IN ('v', 'm') "
                + "ORDER BY c.relname", schema);
    }

    @Override
    public List<String> sequenceNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT c.relname" + TABLE + "WHERE " + IN_SCHEMA + " AND c.relkind = 'S' "
                + "ORDER BY c.relname", schema);
    }

    @Override
    public List<String> enumTypeNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE t.typtype = 'e' AND " + IN_SCHEMA + " ORDER BY t.typname", schema);
    }

    @Override
    public List<ReflectedColumn> columns(Connection c, String schema, String table) throws SQLException {
        List<ReflectedColumn> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, "SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, "
                + "a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity::text AS ident, "
                + "a.attgenerated::text AS gen, col_description(c.oid, a.attnum) AS comment, t.typtype::text AS typtype, "
                + "s.seqstart, s.seqincrement"
                + TABLE + "JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "LEFT JOIN pg_depend dep ON dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i' "
                + "AND dep.classid = 'pg_class'::regclass "
                + "LEFT JOIN pg_sequence s ON s.seqrelid = dep.objid "
                + "WHERE " + IN_SCHEMA + " AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY a.attnum", schema, table)) {
            String typeName = (String) r.get("type");
            SqlType<?> type = "e".equals(r.get("typtype")) ? Types.VARCHAR : parseType(typeName);
            String dflt = (String) r.get("dflt");
            String ident = (String) r.get("ident");
            String gen = (String) r.get("gen");
            Identity identity = null;
            if ("a".equals(ident) || "d".equals(ident)) {
                identity = new Identity("a".equals(ident), (Long) r.get("seqstart"), (Long) r.get("seqincrement"));
            }
            Computed computed = null;
            if ("s".equals(gen)) {
                computed = new Computed(dflt, true);
                dflt = null;
            }
            boolean serial = dflt != null && dflt.startsWith("nextval(");
            out.add(new ReflectedColumn((String) r.get("attname"), type, !(Boolean) r.get("attnotnull"), dflt,
                    serial || identity != null, identity, computed, (String) r.get("comment")));
        }
        return out;
    }

    private List<Map<String, Object>> constraintColumns(Connection c, String schema, String table, String type)
            throws SQLException {
        return query(c, "SELECT con.conname, a.attname, ra.attname AS refname, rn.nspname AS refschema, "
                + "rc.relname AS reftable, con.confdeltype::text AS del, con.confupdtype::text AS upd, con.condeferrable, "
                + "con.condeferred"
                + TABLE + "JOIN pg_constraint con ON con.conrelid = c.oid "
                + "CROSS JOIN LATERAL unnest(con.conkey, coalesce(con.confkey, con.conkey)) WITH ORDINALITY AS k(attnum, refnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum "
                + "LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace "
                + "LEFT JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum "
                + "WHERE " + IN_SCHEMA + " AND c.relname = ? AND con.contype = ? ORDER BY con.conname, k.ord",
                schema, table, type);
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException {
        List<Map<String, Object>> rows = constraintColumns(c, schema, table, "p");
        return new ReflectedPrimaryKey(rows.isEmpty() ? null : (String) rows.get(0).get("conname"),
                rows.stream().map(r -> (String) r.get("attname")).toList());
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        String own = schema != null ? schema : defaultSchemaName(c);
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : constraintColumns(c, schema, table, "f")) {
            byName.computeIfAbsent((String) r.get("conname"), k -> new ArrayList<>()).add(r);
        }
        List<ReflectedForeignKey> out = new ArrayList<>();
        byName.forEach((name, rows) -> {
            Map<String, Object> f = rows.get(0);
            String refSchema = (String) f.get("refschema");
            out.add(new ReflectedForeignKey(name, rows.stream().map(r -> (String) r.get("attname")).toList(),
                    own.equals(refSchema) ? null : refSchema, (String) f.get("reftable"),
                    rows.stream().map(r -> (String) r.get("refname")).toList(), action((String) f.get("del")),
                    action((String) f.get("upd")), (Boolean) f.get("condeferrable") ? Boolean.TRUE : null,
                    (Boolean) f.get("condeferred") ? "DEFERRED" : null));
        });
        return out;
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> null;
        };
    }

    @Override
    public List<ReflectedIndex> indexes(Connection c, String schema, String table) throws SQLException {
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : query(c, "SELECT i.relname AS name, ix.indisunique AS uniq, "
                + "pg_get_expr(ix.indpred, ix.indrelid) AS pred, k.ord, a.attname, "
                + "pg_get_indexdef(ix.indexrelid, k.ord::int, true) AS def, am.amname"
                + TABLE + "JOIN pg_index ix ON ix.indrelid = c.oid JOIN pg_class i ON i.oid = ix.indexrelid "
                + "JOIN pg_am am ON am.oid = i.relam "
                + "CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
                + "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum AND k.attnum > 0 "
                + "WHERE " + IN_SCHEMA + " AND c.relname = ? AND NOT ix.indisprimary AND k.ord <= ix.indnkeyatts "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid "
                + "AND con.contype IN ('p', 'u', 'x')) ORDER BY i.relname, k.ord", schema, table)) {
            byName.computeIfAbsent((String) r.get("name"), k -> new ArrayList<>()).add(r);
        }
        List<ReflectedIndex> out = new ArrayList<>();
        byName.forEach((name, rows) -> out.add(new ReflectedIndex(name,
                rows.stream().map(r -> (String) r.get("attname")).toList(),
                rows.stream().map(r -> r.get("attname") != null ? (String) r.get("attname") : unwrap((String) r.get("def")))
                        .toList(),
                (Boolean) rows.get(0).get("uniq"), (String) rows.get(0).get("pred"),
                "btree".equals(rows.get(0).get("amname")) ? java.util.Map.of()
                        : java.util.Map.of("postgresql_using", rows.get(0).get("amname")))));
        return out;
    }

    private static String unwrap(String expr) {
        String e = expr.trim();
        return e.startsWith("(") && e.endsWith(")") ? e.substring(1, e.length() - 1) : e;
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : constraintColumns(c, schema, table, "u")) {
            byName.computeIfAbsent((String) r.get("conname"), k -> new ArrayList<>()).add((String) r.get("attname"));
        }
        List<ReflectedUnique> out = new ArrayList<>();
        byName.forEach((n, cols) -> out.add(new ReflectedUnique(n, cols)));
        return out;
    }

    @Override
    public List<ReflectedCheck> checkConstraints(Connection c, String schema, String table) throws SQLException {
        List<ReflectedCheck> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, "SELECT con.conname, pg_get_constraintdef(con.oid, true) AS def"
                + TABLE + "JOIN pg_constraint con ON con.conrelid = c.oid WHERE " + IN_SCHEMA
                + " AND c.relname = ? AND con.contype = 'c' ORDER BY con.conname", schema, table)) {
            String def = (String) r.get("def");
            int open = def.indexOf('(');
            int close = def.lastIndexOf(')');
            out.add(new ReflectedCheck((String) r.get("conname"), def.substring(open + 1, close).trim()));
        }
        return out;
    }

    @Override
    public String tableComment(Connection c, String schema, String table) throws SQLException {
        List<String> r = strings(c, "SELECT obj_description(c.oid, 'pg_class')" + TABLE + "WHERE " + IN_SCHEMA
                + " AND c.relname = ?", schema, table);
        return r.isEmpty() ? null : r.get(0);
    }
}
