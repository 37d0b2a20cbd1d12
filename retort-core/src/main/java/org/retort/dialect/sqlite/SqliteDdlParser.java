package org.retort.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the parts of a stored {@code CREATE TABLE} / {@code CREATE INDEX} statement that SQLite's PRAGMAs do not
 * report: constraint names, CHECK conditions, DEFERRABLE, generated column expressions, index expressions and
 * WHERE clauses. Splits on top-level commas, honouring quotes and parentheses.
 */
final class SqliteDdlParser {
    private SqliteDdlParser() {
    }

    /** One table-level constraint: its name (or null), kind (PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK) and text. */
    record Item(String name, String kind, String body) {
    }

    /**
     * The text between the first '(' and its matching ')'.
     *
     * @param sql the statement
     * @return the inside of the outer parentheses, or empty
     */
    static String body(String sql) {
        int open = sql.indexOf('(');
        if (open < 0) {
            return "";
        }
        int close = matching(sql, open);
        return close < 0 ? "" : sql.substring(open + 1, close);
    }

    /**
     * Walks SQL text a character at a time, tracking quoted strings and identifiers ({@code '..'}, {@code ".."},
     * {@code `..`}, {@code [..]}) and the parenthesis depth, so that what is inside quotes is not taken for
     * structure.
     */
    private static final class Nesting {
        private int depth;
        private char quote;

        /** {@return true when {@code ch} stands outside quotes (parentheses already counted into the depth)} */
        boolean structural(char ch) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
                return false;
            }
            if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
                return false;
            }
            if (ch == '[') {
                quote = ']';
                return false;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            return true;
        }
    }

    static int matching(String s, int open) {
        Nesting n = new Nesting();
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (n.structural(ch) && ch == ')' && n.depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static List<String> split(String body) {
        List<String> out = new ArrayList<>();
        Nesting n = new Nesting();
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (n.structural(ch) && ch == ',' && n.depth == 0) {
                out.add(body.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = body.substring(start).trim();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    static String unquote(String name) {
        String n = name.trim();
        if (n.length() >= 2 && (n.startsWith("\"") && n.endsWith("\"") || n.startsWith("`") && n.endsWith("`")
                || n.startsWith("[") && n.endsWith("]"))) {
            return n.substring(1, n.length() - 1).replace("\"\"", "\"");
        }
        return n;
    }

    /** Splits off the first identifier (quoted or not) of a text; returns [identifier, rest]. */
    static String[] firstIdentifier(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return new String[] {"", ""};
        }
        char c = t.charAt(0);
        int end;
        if (c == '"' || c == '`' || c == '[') {
            char close = c == '[' ? ']' : c;
            end = t.indexOf(close, 1);
            while (close == '"' && end >= 0 && end + 1 < t.length() && t.charAt(end + 1) == '"') {
                end = t.indexOf(close, end + 2);
            }
            end = end < 0 ? t.length() : end + 1;
        } else {
            end = 0;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '(') {
                end++;
            }
        }
        return new String[] {unquote(t.substring(0, end)), t.substring(end).trim()};
    }

    static boolean isConstraint(String item) {
        String u = item.toUpperCase(Locale.ROOT);
        return u.startsWith("CONSTRAINT") || u.startsWith("PRIMARY KEY") || u.startsWith("FOREIGN KEY")
                || u.startsWith("UNIQUE") || u.startsWith("CHECK");
    }

    static List<Item> constraints(String createTable) {
        List<Item> out = new ArrayList<>();
        for (String item : split(body(createTable))) {
            if (!isConstraint(item)) {
                continue;
            }
            String name = null;
            String rest = item;
            if (rest.toUpperCase(Locale.ROOT).startsWith("CONSTRAINT")) {
                String[] p = firstIdentifier(rest.substring("CONSTRAINT".length()));
                name = p[0];
                rest = p[1];
            }
            String u = rest.toUpperCase(Locale.ROOT);
            String kind = u.startsWith("PRIMARY KEY") ? "PRIMARY KEY" : u.startsWith("FOREIGN KEY") ? "FOREIGN KEY"
                    : u.startsWith("UNIQUE") ? "UNIQUE" : u.startsWith("CHECK") ? "CHECK" : "";
            out.add(new Item(name, kind, rest));
        }
        return out;
    }

    /** The column names in the first parenthesised list of a constraint body. */
    static List<String> columnsOf(String body) {
        int open = body.indexOf('(');
        int close = open < 0 ? -1 : matching(body, open);
        if (close < 0) {
            return List.of();
        }
        return split(body.substring(open + 1, close)).stream().map(SqliteDdlParser::unquote).toList();
    }

    /** The generated-column expression of a column, or null. */
    static String[] generated(String createTable, String column) {
        for (String item : split(body(createTable))) {
            if (isConstraint(item)) {
                continue;
            }
            String[] p = firstIdentifier(item);
            if (!p[0].equals(column)) {
                continue;
            }
            String u = p[1].toUpperCase(Locale.ROOT);
            int as = u.indexOf(" AS (");
            if (as < 0) {
                as = u.indexOf("AS(");
                if (as < 0) {
                    return null;
                }
            }
            int open = p[1].indexOf('(', as);
            int close = matching(p[1], open);
            String expr = p[1].substring(open + 1, close).trim();
            String after = u.substring(close + 1);
            return new String[] {expr, after.contains("STORED") ? "STORED" : after.contains("VIRTUAL") ? "VIRTUAL" : ""};
        }
        return null;
    }

    /** An index's element texts and WHERE clause: [elements..., where-or-null] via two lists. */
    static List<String> indexElements(String createIndex) {
        int on = createIndex.toUpperCase(Locale.ROOT).indexOf(" ON ");
        int open = createIndex.indexOf('(', on);
        int close = matching(createIndex, open);
        return split(createIndex.substring(open + 1, close));
    }

    static String indexWhere(String createIndex) {
        int on = createIndex.toUpperCase(Locale.ROOT).indexOf(" ON ");
        int open = createIndex.indexOf('(', on);
        int close = matching(createIndex, open);
        String rest = createIndex.substring(close + 1).trim();
        return rest.toUpperCase(Locale.ROOT).startsWith("WHERE") ? rest.substring(5).trim() : null;
    }
}
