package org.retort.dialect.sqlite;

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
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * SQLite's catalog: {@code sqlite_master} and the {@code table_xinfo}, {@code foreign_key_list},
 * {@code index_list} and {@code index_xinfo} PRAGMAs, plus the stored CREATE statements for what the PRAGMAs
 * leave out (constraint names, CHECK text, generated expressions, partial index predicates). A "schema" is an
 * attached database ({@code main} by default). SQLite keeps no comments.
 */
public class SqliteReflector extends Reflector {

    /**
     * Creates the reflector.
     *
     * @param dialect the SQLite dialect
     */
    public SqliteReflector(SqliteDialect dialect) {
        super(dialect);
    }

    private String db(String schema) {
        return dialect.identifierPreparer().quoteAlways(schema == null ? "main" : schema);
    }

    private String pragma(String schema, String pragma, String arg) {
        return "PRAGMA " + db(schema) + "." + pragma + "(" + dialect.identifierPreparer().quoteAlways(arg) + ")";
    }

    private String tableSql(Connection c, String schema, String table) throws SQLException {
        List<String> sql = strings(c, "SELECT sql FROM " + db(schema) + ".sqlite_master WHERE type IN ('table', 'view')"
                + " AND name = ?", table);
        return sql.isEmpty() || sql.get(0) == null ? "" : sql.get(0);
    }

    @Override
    public String defaultSchemaName(Connection c) {
        return "main";
    }

    @Override
    public List<String> schemaNames(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : query(c, "PRAGMA database_list")) {
            out.add((String) row.get("name"));
        }
        return out;
    }

    @Override
    public List<String> tableNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT name FROM " + db(schema) + ".sqlite_master WHERE type = 'table' AND name NOT LIKE "
                + "'sqlite~_%' ESCAPE '~' ORDER BY name");
    }

    @Override
    public List<String> viewNames(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT name FROM " + db(schema) + ".sqlite_master WHERE type = 'view' ORDER BY name");
    }

    @Override
    public List<ReflectedColumn> columns(Connection c, String schema, String table) throws SQLException {
        List<Map<String, Object>> rows = query(c, pragma(schema, "table_xinfo", table));
        String sql = tableSql(c, schema, table);
        long pkCount = rows.stream().filter(r -> ((Number) r.get("pk")).intValue() > 0).count();
        List<ReflectedColumn> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String name = (String) r.get("name");
            String typeName = (String) r.get("type");
            SqlType<?> type = typeName == null || typeName.isBlank() ? NullType.INSTANCE : parseType(typeName);
            boolean pk = ((Number) r.get("pk")).intValue() > 0;
            int hidden = ((Number) r.get("hidden")).intValue();
            Computed computed = null;
            if (hidden == 2 || hidden == 3) {
                String[] g = SqliteDdlParser.generated(sql, name);
                if (g != null) {
                    computed = new Computed(g[0], hidden == 3 ? Boolean.TRUE : g[1].isEmpty() ? null : Boolean.FALSE);
                }
            }
            boolean rowid = pk && pkCount == 1 && typeName != null && typeName.equalsIgnoreCase("INTEGER");
            out.add(new ReflectedColumn(name, type, ((Number) r.get("notnull")).intValue() == 0 && !rowid,
                    (String) r.get("dflt_value"), rowid, null, computed, null));
        }
        return out;
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException {
        Map<Integer, String> cols = new java.util.TreeMap<>();
        for (Map<String, Object> r : query(c, pragma(schema, "table_info", table))) {
            int pk = ((Number) r.get("pk")).intValue();
            if (pk > 0) {
                cols.put(pk, (String) r.get("name"));
            }
        }
        String name = null;
        for (SqliteDdlParser.Item item : SqliteDdlParser.constraints(tableSql(c, schema, table))) {
            if (item.kind().equals("PRIMARY KEY")) {
                name = item.name();
            }
        }
        return new ReflectedPrimaryKey(name, List.copyOf(cols.values()));
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        Map<Integer, List<Map<String, Object>>> byId = new LinkedHashMap<>();
        for (Map<String, Object> r : query(c, pragma(schema, "foreign_key_list", table))) {
            byId.computeIfAbsent(((Number) r.get("id")).intValue(), k -> new ArrayList<>()).add(r);
        }
        List<SqliteDdlParser.Item> items = SqliteDdlParser.constraints(tableSql(c, schema, table)).stream()
                .filter(i -> i.kind().equals("FOREIGN KEY")).toList();
        List<ReflectedForeignKey> out = new ArrayList<>();
        List<Integer> ids = new ArrayList<>(byId.keySet());
        java.util.Collections.sort(ids, java.util.Collections.reverseOrder());
        for (int id : ids) {
            List<Map<String, Object>> parts = byId.get(id);
            parts.sort(java.util.Comparator.comparingInt(r -> ((Number) r.get("seq")).intValue()));
            List<String> from = parts.stream().map(r -> (String) r.get("from")).toList();
            String refTable = (String) parts.get(0).get("table");
            List<String> to = parts.stream().map(r -> (String) r.get("to")).toList();
            if (to.contains(null)) {
                to = primaryKey(c, schema, refTable).columns();
            }
            String name = null;
            Boolean deferrable = null;
            String initially = null;
            for (SqliteDdlParser.Item item : items) {
                if (SqliteDdlParser.columnsOf(item.body()).equals(from)) {
                    name = item.name();
                    String u = item.body().toUpperCase(Locale.ROOT);
                    if (u.contains("NOT DEFERRABLE")) {
                        deferrable = null;
                    } else if (u.contains("DEFERRABLE")) {
                        deferrable = true;
                    }
                    if (u.contains("INITIALLY DEFERRED")) {
                        initially = "DEFERRED";
                    }
                }
            }
            out.add(new ReflectedForeignKey(name, from, null, refTable, to, action(parts.get(0).get("on_delete")),
                    action(parts.get(0).get("on_update")), deferrable, initially));
        }
        return out;
    }

    private static String action(Object a) {
        return a == null || "NO ACTION".equals(a) ? null : a.toString();
    }

    @Override
    public List<ReflectedIndex> indexes(Connection c, String schema, String table) throws SQLException {
        List<ReflectedIndex> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, pragma(schema, "index_list", table))) {
            if (!"c".equals(r.get("origin"))) {
                continue;
            }
            String name = (String) r.get("name");
            List<String> sqlList = strings(c, "SELECT sql FROM " + db(schema) + ".sqlite_master WHERE type = 'index' "
                    + "AND name = ?", name);
            String sql = sqlList.isEmpty() ? null : sqlList.get(0);
            List<String> elements = sql == null ? List.of() : SqliteDdlParser.indexElements(sql);
            List<String> cols = new ArrayList<>();
            List<String> exprs = new ArrayList<>();
            int i = 0;
            for (Map<String, Object> x : query(c, pragma(schema, "index_xinfo", name))) {
                if (((Number) x.get("key")).intValue() == 0) {
                    continue;
                }
                String col = (String) x.get("name");
                cols.add(col);
                String text = i < elements.size() ? elements.get(i) : col;
                if (col == null && text.startsWith("(") && SqliteDdlParser.matching(text, 0) == text.length() - 1) {
                    text = text.substring(1, text.length() - 1).trim();
                }
                exprs.add(col != null ? col : text);
                i++;
            }
            out.add(new ReflectedIndex(name, cols, exprs, ((Number) r.get("unique")).intValue() == 1,
                    sql == null ? null : SqliteDdlParser.indexWhere(sql)));
        }
        out.sort(java.util.Comparator.comparing(ReflectedIndex::name));
        return out;
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        List<SqliteDdlParser.Item> items = SqliteDdlParser.constraints(tableSql(c, schema, table)).stream()
                .filter(i -> i.kind().equals("UNIQUE")).toList();
        List<ReflectedUnique> out = new ArrayList<>();
        for (Map<String, Object> r : query(c, pragma(schema, "index_list", table))) {
            if (!"u".equals(r.get("origin"))) {
                continue;
            }
            List<String> cols = new ArrayList<>();
            for (Map<String, Object> x : query(c, pragma(schema, "index_info", (String) r.get("name")))) {
                cols.add((String) x.get("name"));
            }
            String name = null;
            for (SqliteDdlParser.Item item : items) {
                if (SqliteDdlParser.columnsOf(item.body()).equals(cols)) {
                    name = item.name();
                }
            }
            out.add(new ReflectedUnique(name, cols));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public List<ReflectedCheck> checkConstraints(Connection c, String schema, String table) throws SQLException {
        List<ReflectedCheck> out = new ArrayList<>();
        for (SqliteDdlParser.Item item : SqliteDdlParser.constraints(tableSql(c, schema, table))) {
            if (item.kind().equals("CHECK")) {
                int open = item.body().indexOf('(');
                int close = SqliteDdlParser.matching(item.body(), open);
                out.add(new ReflectedCheck(item.name(), item.body().substring(open + 1, close).trim()));
            }
        }
        return out;
    }

    @Override
    public String tableComment(Connection c, String schema, String table) {
        return null;
    }
}
