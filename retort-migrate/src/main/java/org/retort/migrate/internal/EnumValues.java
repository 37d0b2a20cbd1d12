package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.sql.Sql;

/**
 * Reads the values a database allows in an enum column, which reflection turns into a plain VARCHAR: the labels
 * of a PostgreSQL enum type ({@code pg_enum}), the list of an inline MySQL/MariaDB or H2 {@code ENUM(...)}, or the
 * {@code IN} list of the CHECK constraint that stands in for an enum elsewhere.
 */
public final class EnumValues {
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    private EnumValues() {
    }

    /**
     * {@return its labels in order; empty when there is no such type}
     *
     * @param conn the connection
     * @param typeName the enum type
     * @param schema the schema, or null for the current one
     */
    public static List<String> postgresqlType(Connection conn, String typeName, String schema) {
        String sql = "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = :name AND n.nspname = "
                + (schema == null ? "current_schema()" : ":schema") + " ORDER BY e.enumsortorder";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", typeName);
        if (schema != null) {
            params.put("schema", schema);
        }
        List<String> out = new ArrayList<>();
        for (Row r : conn.execute(Sql.text(sql), params)) {
            out.add(String.valueOf(r.get(0)));
        }
        return out;
    }

    /**
     * The values of an inline {@code ENUM(...)} column (MySQL/MariaDB, H2).
     *
     * @param conn the connection
     * @param table the table
     * @param column the column
     * @return the values in order; empty when the column is not an ENUM or the database keeps none
     */
    public static List<String> inline(Connection conn, String table, String column) {
        Dialect d = conn.dialect();
        String sql;
        if (d.name().equals("mysql") || d.name().equals("mariadb")) {
            sql = "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                    + "AND TABLE_NAME = :t AND COLUMN_NAME = :c";
            for (Row r : conn.execute(Sql.text(sql), java.util.Map.of("t", table, "c", column))) {
                String type = String.valueOf(r.get(0));
                return type.toLowerCase(java.util.Locale.ROOT).startsWith("enum(") ? quoted(type) : List.of();
            }
            return List.of();
        }
        if (d.name().equals("h2")) {
            sql = "SELECT e.VALUE_NAME FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.ENUM_VALUES e "
                    + "ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME AND e.OBJECT_TYPE = 'TABLE' "
                    + "AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER WHERE c.TABLE_SCHEMA = SCHEMA() "
                    + "AND c.TABLE_NAME = :t AND c.COLUMN_NAME = :c ORDER BY e.VALUE_ORDINAL";
            List<String> out = new ArrayList<>();
            for (Row r : conn.execute(Sql.text(sql), java.util.Map.of("t", table, "c", column))) {
                out.add(String.valueOf(r.get(0)));
            }
            return out;
        }
        return List.of();
    }

    /**
     * The quoted strings of an {@code IN} list or {@code ENUM(...)} spelling, unescaped.
     *
     * @param sql the text
     * @return the strings in order
     */
    public static List<String> quoted(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(sql);
        while (m.find()) {
            out.add(m.group(1).replace("''", "'"));
        }
        return out;
    }
}
