package org.retort.schema;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retort.exc.ArgumentException;

/**
 * How constraints and indexes without a declared name are named (SQLAlchemy's {@code naming_convention}), with
 * the same keys ({@code pk}, {@code fk}, {@code uq}, {@code ck}, {@code ix}) and tokens:
 * {@code %(table_name)s}, {@code %(column_0_name)s}, {@code %(column_0_N_name)s} (all columns joined by
 * {@code _}), {@code %(column_0N_name)s} (joined without separator), {@code %(column_0_label)s}
 * ({@code table_column}), {@code %(column_0_key)s}, {@code %(referred_table_name)s},
 * {@code %(referred_column_0_name)s}, {@code %(referred_column_0_N_name)s} and {@code %(constraint_name)s}
 * (the declared name; a convention using it requires one).
 *
 * <pre>{@code
 * new MetaData(NamingConvention.of(Map.of(
 *     "ix", "ix_%(column_0_label)s",
 *     "uq", "uq_%(table_name)s_%(column_0_name)s",
 *     "ck", "ck_%(table_name)s_%(constraint_name)s",
 *     "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
 *     "pk", "pk_%(table_name)s")));
 * }</pre>
 *
 * <p>A generated name longer than the database allows is shortened when DDL is compiled, keeping a hash of the
 * full name as a suffix, as SQLAlchemy does.
 */
public final class NamingConvention {
    private static final Pattern TOKEN = Pattern.compile("%\\((\\w+)\\)s");

    /** SQLAlchemy's default: indexes named {@code ix_<table>_<column>}, everything else left to the database. */
    public static final NamingConvention DEFAULT = new NamingConvention(Map.of("ix", "ix_%(column_0_label)s"));

    private final Map<String, String> templates;

    private NamingConvention(Map<String, String> templates) {
        for (String key : templates.keySet()) {
            if (!List.of("pk", "fk", "uq", "ck", "ix").contains(key)) {
                throw new ArgumentException("Unknown naming convention key '" + key + "': use pk, fk, uq, ck or ix");
            }
        }
        this.templates = Map.copyOf(templates);
    }

    /**
     * A convention from templates per constraint kind.
     *
     * @param templates {@code pk}, {@code fk}, {@code uq}, {@code ck} and/or {@code ix} to a template
     * @return the convention
     */
    public static NamingConvention of(Map<String, String> templates) {
        return new NamingConvention(templates);
    }

    /** {@return the templates} */
    public Map<String, String> templates() {
        return templates;
    }

    /**
     * Names a constraint or index.
     *
     * @param key pk, fk, uq, ck or ix
     * @param tableName the table's name
     * @param declaredName the declared name, or null
     * @param columns the column names
     * @param referredTable the referred table (fk), or null
     * @param referredColumns the referred columns (fk), or empty
     * @return the generated name, or null when the convention has no template for the key
     */
    String name(String key, String tableName, String declaredName, List<String> columns, String referredTable,
                List<String> referredColumns) {
        String template = templates.get(key);
        if (template == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value = switch (token) {
                case "table_name" -> tableName;
                case "column_0_name", "column_0_key" -> first(columns, token, tableName);
                case "column_0_N_name", "column_0_N_key" -> String.join("_", columns);
                case "column_0N_name", "column_0N_key" -> String.join("", columns);
                case "column_0_label" -> tableName + "_" + first(columns, token, tableName);
                case "column_0_N_label" -> String.join("_", columns.stream().map(c -> tableName + "_" + c).toList());
                case "referred_table_name" -> referredTable;
                case "referred_column_0_name" -> first(referredColumns, token, tableName);
                case "referred_column_0_N_name" -> String.join("_", referredColumns);
                case "constraint_name" -> {
                    if (declaredName == null) {
                        throw new ArgumentException("Naming convention '" + key + "' of table '" + tableName
                                + "' uses %(constraint_name)s, so the constraint needs a name: add .named(\"...\")");
                    }
                    yield declaredName;
                }
                default -> throw new ArgumentException("Unknown naming convention token %(" + token + ")s in '"
                        + template + "'");
            };
            if (value == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String first(List<String> columns, String token, String table) {
        if (columns.isEmpty()) {
            throw new ArgumentException("Naming convention token %(" + token + ")s needs a column, but a constraint of "
                    + "table '" + table + "' has none; give it a name");
        }
        return columns.get(0);
    }

    @Override
    public String toString() {
        return "NamingConvention" + templates;
    }
}
