package org.retort.migrate.codegen;

import java.util.Locale;
import java.util.Set;

/** Java identifiers for SQL names: {@code first_name} -> {@code firstName}, {@code invoice line} -> {@code InvoiceLine}. */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits", "_");

    private JavaNames() {
    }

    /**
     * {@return a lowerCamelCase identifier}
     *
     * @param sql a table or column name
     */
    static String field(String sql) {
        String upper = type(sql);
        String s = Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
        if (upper.length() > 1 && Character.isUpperCase(upper.charAt(1)) && upper.equals(upper.toUpperCase(Locale.ROOT))) {
            s = upper.toLowerCase(Locale.ROOT);
        }
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    /**
     * {@return an UpperCamelCase identifier}
     *
     * @param sql a table name
     */
    static String type(String sql) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : sql.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = true;
            }
        }
        if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, 'T');
        }
        return sb.toString();
    }

    /**
     * {@return an UPPER_SNAKE_CASE constant name}
     *
     * @param sql a table name
     */
    static String constant(String sql) {
        String s = sql.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .toUpperCase(Locale.ROOT);
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "T_" + s;
        }
        return s;
    }

    /**
     * {@return its name as written in source, {@code java.lang} left out}
     *
     * @param c a Java class
     */
    static String javaType(Class<?> c) {
        String n = c.getCanonicalName();
        return n.startsWith("java.lang.") && n.indexOf('.', "java.lang.".length()) < 0 ? c.getSimpleName() : n;
    }
}
