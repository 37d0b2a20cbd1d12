package org.retort.inspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retort.dialect.Dialect;
import org.retort.types.ArrayType;
import org.retort.types.NullType;
import org.retort.types.SqlType;
import org.retort.types.Types;

/**
 * One dialect's catalog queries (information_schema, pg_catalog, SQLite PRAGMAs, ...): what {@link Inspector}
 * calls. Methods take a JDBC connection and the schema (null for the connection's default) and return plain
 * records; queries bind names as parameters. {@link #parseType(String)} maps the database's type names back to
 * Retort types (SQLAlchemy's {@code ischema_names}).
 */
public abstract class Reflector {
    private static final Pattern TYPE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_ ]*?)\\s*(?:\\(([^)]*)\\))?\\s*"
            + "((?:UNSIGNED|WITHOUT TIME ZONE|WITH TIME ZONE|CHARACTER SET \\S+|COLLATE \\S+|\\s)*)$",
            Pattern.CASE_INSENSITIVE);

    /** The dialect. */
    protected final Dialect dialect;

    /**
     * Creates the reflector.
     *
     * @param dialect the dialect
     */
    protected Reflector(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Returns the schema unqualified names resolve to, or null where there are no schemas.
     *
     * @param c the connection
     * @return the schema unqualified names resolve to, or null where there are no schemas
     * @throws SQLException on failure
     */
    public abstract String defaultSchemaName(Connection c) throws SQLException;

    /**
     * Returns the schemas (databases on MySQL) the user can see, system schemas left out.
     *
     * @param c the connection
     * @return the schemas (databases on MySQL) the user can see, system schemas left out
     * @throws SQLException on failure
     */
    public abstract List<String> schemaNames(Connection c) throws SQLException;

    /**
     * Returns the base tables, sorted by name.
     *
     * @param c the connection
     * @param schema the schema, or null for the default
     * @return the base tables, sorted by name
     * @throws SQLException on failure
     */
    public abstract List<String> tableNames(Connection c, String schema) throws SQLException;

    /**
     * Returns the views, sorted by name.
     *
     * @param c the connection
     * @param schema the schema, or null for the default
     * @return the views, sorted by name
     * @throws SQLException on failure
     */
    public abstract List<String> viewNames(Connection c, String schema) throws SQLException;

    /**
     * Returns the columns in table order; empty when the table does not exist.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @param table the table
     * @return the columns in table order; empty when the table does not exist
     * @throws SQLException on failure
     */
    public abstract List<ReflectedColumn> columns(Connection c, String schema, String table) throws SQLException;

    /**
     * Returns the primary key.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @param table the table
     * @return the primary key
     * @throws SQLException on failure
     */
    public abstract ReflectedPrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException;

    /**
     * Returns the foreign keys.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @param table the table
     * @return the foreign keys
     * @throws SQLException on failure
     */
    public abstract List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table)
            throws SQLException;

    /**
     * Returns the indexes, without those backing primary keys and unique constraints.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @param table the table
     * @return the indexes, without those backing primary keys and unique constraints
     * @throws SQLException on failure
     */
    public abstract List<ReflectedIndex> indexes(Connection c, String schema, String table) throws SQLException;

    /**
     * Returns the unique constraints.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @param table the table
     * @return the unique constraints
     * @throws SQLException on failure
     */
    public abstract List<ReflectedUnique> uniqueConstraints(Connection c, String schema, String table)
            throws SQLException;

    /**
     * Returns the check constraints.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @param table the table
     * @return the check constraints
     * @throws SQLException on failure
     */
    public abstract List<ReflectedCheck> checkConstraints(Connection c, String schema, String table)
            throws SQLException;

    /**
     * Returns the table comment, or null.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @param table the table
     * @return the table comment, or null
     * @throws SQLException on failure
     */
    public abstract String tableComment(Connection c, String schema, String table) throws SQLException;

    /**
     * Returns the sequences; empty where the database has none.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @return the sequences; empty where the database has none
     * @throws SQLException on failure
     */
    public List<String> sequenceNames(Connection c, String schema) throws SQLException {
        return List.of();
    }

    /**
     * Returns the names of separately created enum types (PostgreSQL); empty elsewhere.
     *
     * @param c the connection
     * @param schema the schema, or null
     * @return the names of separately created enum types (PostgreSQL); empty elsewhere
     * @throws SQLException on failure
     */
    public List<String> enumTypeNames(Connection c, String schema) throws SQLException {
        return List.of();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Runs a catalog query with bound parameters.
     *
     * @param c the connection
     * @param sql the query
     * @param params its parameters
     * @return the rows, each a map from lower-case column label to value
     * @throws SQLException on failure
     */
    protected static List<Map<String, Object>> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /**
     * Runs a query and returns the first column of each row as text.
     *
     * @param c the connection
     * @param sql the query
     * @param params its parameters
     * @return the values
     * @throws SQLException on failure
     */
    protected static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : query(c, sql, params)) {
            Object v = row.values().iterator().next();
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    /**
     * Groups catalog rows by one column's value, keeping the order the query gave; the rows of a multi-column
     * constraint or index come out together.
     *
     * @param rows the rows, ordered by the grouping column
     * @param key the lower-case label of the grouping column
     * @return the rows of each distinct value, in first-seen order
     */
    protected static Map<String, List<Map<String, Object>>> groupBy(List<Map<String, Object>> rows, String key) {
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            byName.computeIfAbsent((String) r.get(key), k -> new ArrayList<>()).add(r);
        }
        return byName;
    }

    /**
     * Reads one text column of every row.
     *
     * @param rows the rows
     * @param key the lower-case column label
     * @return the values in row order
     */
    protected static List<String> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> (String) r.get(key)).toList();
    }

    /**
     * Builds the primary key from rows labelled {@code constraint_name} and {@code column_name}, one a key
     * column in key order; shared by the catalogs that list constraint columns that way.
     *
     * @param rows the key's rows; empty when the table has no primary key
     * @return the primary key (no name and no columns when there are no rows)
     */
    protected static ReflectedPrimaryKey primaryKeyFrom(List<Map<String, Object>> rows) {
        return new ReflectedPrimaryKey(rows.isEmpty() ? null : (String) rows.get(0).get("constraint_name"),
                column(rows, "column_name"));
    }

    /**
     * Builds the unique constraints from rows labelled {@code constraint_name} and {@code column_name}, ordered
     * by constraint and then column position.
     *
     * @param rows the rows
     * @return one constraint per name
     */
    protected static List<ReflectedUnique> uniquesFrom(List<Map<String, Object>> rows) {
        List<ReflectedUnique> out = new ArrayList<>();
        groupBy(rows, "constraint_name").forEach((n, cols) -> out.add(new ReflectedUnique(n, column(cols,
                "column_name"))));
        return out;
    }

    /**
     * Builds the foreign keys from one row per key column, ordered by constraint and column position, labelled
     * {@code constraint_name}, {@code column_name}, {@code refschema}, {@code reftable}, {@code refcol},
     * {@code delete_rule} and {@code update_rule}, and optionally {@code condeferrable} and {@code condeferred}
     * (booleans). A referred schema equal to {@code ownSchema} is reported as null, as SQLAlchemy does.
     *
     * @param rows the rows
     * @param ownSchema the schema of the reflected table
     * @param action maps the catalog's delete/update rule to the ON DELETE/ON UPDATE text, or null for none
     * @return one foreign key per constraint name
     */
    protected static List<ReflectedForeignKey> foreignKeysFrom(List<Map<String, Object>> rows, String ownSchema,
            Function<Object, String> action) {
        List<ReflectedForeignKey> out = new ArrayList<>();
        groupBy(rows, "constraint_name").forEach((name, cols) -> {
            Map<String, Object> f = cols.get(0);
            String refSchema = (String) f.get("refschema");
            out.add(new ReflectedForeignKey(name, column(cols, "column_name"),
                    ownSchema.equals(refSchema) ? null : refSchema, (String) f.get("reftable"),
                    column(cols, "refcol"), action.apply(f.get("delete_rule")), action.apply(f.get("update_rule")),
                    Boolean.TRUE.equals(f.get("condeferrable")) ? Boolean.TRUE : null,
                    Boolean.TRUE.equals(f.get("condeferred")) ? "DEFERRED" : null));
        });
        return out;
    }

    /**
     * Maps a database type name to a Retort type; unknown names give {@link NullType}, as SQLAlchemy does.
     *
     * @param typeName the type as the catalog prints it, e.g. {@code character varying(30)}
     * @return the Retort type
     */
    public SqlType<?> parseType(String typeName) {
        String raw = typeName.trim();
        String upper = raw.toUpperCase(Locale.ROOT);
        if (upper.endsWith("[]")) {
            return arrayOf(parseType(raw.substring(0, raw.length() - 2)));
        }
        if (upper.endsWith(" ARRAY")) {
            return arrayOf(parseType(raw.substring(0, raw.length() - 6)));
        }
        if (upper.startsWith("ENUM(")) {
            return Types.VARCHAR(enumLength(raw));
        }
        Matcher m = TYPE.matcher(raw);
        if (!m.matches()) {
            return NullType.INSTANCE;
        }
        String base = m.group(1).toUpperCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        String suffix = m.group(3) == null ? "" : m.group(3).toUpperCase(Locale.ROOT);
        List<Integer> args = new ArrayList<>();
        if (m.group(2) != null) {
            for (String a : m.group(2).split(",")) {
                String t = a.trim();
                if (t.matches("\\d+")) {
                    args.add(Integer.parseInt(t));
                } else if (!t.isEmpty() && !t.equalsIgnoreCase("max")) {
                    args.add(null);
                }
            }
        }
        if (base.endsWith(" WITH TIME ZONE")) {
            suffix = "WITH TIME ZONE";
            base = base.substring(0, base.length() - " WITH TIME ZONE".length()).trim();
        } else if (base.endsWith(" WITHOUT TIME ZONE")) {
            base = base.substring(0, base.length() - " WITHOUT TIME ZONE".length()).trim();
        }
        Integer a0 = args.isEmpty() ? null : args.get(0);
        Integer a1 = args.size() > 1 ? args.get(1) : null;
        return mapType(base, a0, a1, suffix.contains("WITH TIME ZONE"));
    }

    private static ArrayType<?> arrayOf(SqlType<?> item) {
        return new ArrayType<>(item);
    }

    private static int enumLength(String raw) {
        int max = 1;
        Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(raw);
        while (m.find()) {
            max = Math.max(max, m.group(1).replace("''", "'").length());
        }
        return max;
    }

    /**
     * Maps a base type name (upper case, without arguments) to a Retort type; dialects override for their own
     * names and call this for the rest.
     *
     * @param base the name, e.g. {@code VARCHAR}
     * @param a0 the first argument, or null
     * @param a1 the second argument, or null
     * @param withTimeZone true for {@code ... WITH TIME ZONE}
     * @return the Retort type
     */
    protected SqlType<?> mapType(String base, Integer a0, Integer a1, boolean withTimeZone) {
        return switch (base) {
            case "INT", "INTEGER", "INT4", "MEDIUMINT", "SERIAL" -> Types.INTEGER;
            case "SMALLINT", "INT2", "TINYINT", "SMALLSERIAL" -> Types.SMALLINT;
            case "BIGINT", "INT8", "BIGSERIAL" -> Types.BIGINT;
            case "BOOLEAN", "BOOL", "BIT" -> Types.BOOLEAN;
            case "VARCHAR", "CHARACTER VARYING", "VARCHAR2", "VARYING CHARACTER" ->
                    a0 == null ? Types.VARCHAR : Types.VARCHAR(a0);
            case "NVARCHAR", "NVARCHAR2", "NATIONAL CHARACTER VARYING", "NATIONAL VARCHAR" ->
                    a0 == null ? Types.VARCHAR : Types.UNICODE(a0);
            case "CHAR", "CHARACTER", "BPCHAR", "NCHAR", "NATIONAL CHARACTER" -> Types.CHAR(a0 == null ? 1 : a0);
            case "TEXT", "CLOB", "CHARACTER LARGE OBJECT", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "NCLOB", "NTEXT" ->
                    Types.TEXT;
            case "NUMERIC", "DECIMAL", "NUMBER", "DEC" -> a0 == null ? Types.NUMERIC
                    : a1 == null ? new org.retort.types.NumericType(a0, null) : Types.NUMERIC(a0, a1);
            case "FLOAT", "REAL", "FLOAT4" -> Types.FLOAT;
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> Types.DOUBLE;
            case "DATE" -> Types.DATE;
            case "TIME" -> withTimeZone ? NullType.INSTANCE : Types.TIME;
            case "TIMESTAMP", "DATETIME", "DATETIME2", "SMALLDATETIME" -> withTimeZone ? Types.DATETIME_TZ : Types.DATETIME;
            case "TIMESTAMPTZ", "DATETIMEOFFSET" -> Types.DATETIME_TZ;
            case "BLOB", "BYTEA", "BINARY LARGE OBJECT", "LONGBLOB", "MEDIUMBLOB", "TINYBLOB", "VARBINARY",
                 "BINARY VARYING", "BINARY" -> a0 == null || base.equals("VARBINARY") ? Types.LARGE_BINARY
                    : Types.LARGE_BINARY(a0);
            case "UUID", "UNIQUEIDENTIFIER" -> Types.UUID;
            case "JSON" -> jsonType(false);
            case "JSONB" -> jsonType(true);
            case "INET" -> Types.INET;
            default -> base.startsWith("INTERVAL") ? Types.INTERVAL : NullType.INSTANCE;
        };
    }

    private static SqlType<?> jsonType(boolean binary) {
        try {
            return binary ? Types.JSONB() : Types.JSON();
        } catch (org.retort.exc.NoSuchModuleException e) {
            return Types.TEXT;
        }
    }
}
