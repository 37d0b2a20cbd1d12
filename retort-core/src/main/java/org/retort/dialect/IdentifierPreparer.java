package org.retort.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * Quotes identifiers for one dialect: only when needed (a reserved word, a character outside
 * {@code [a-z0-9_$]}, a leading digit, or a case the database would fold away), as SQLAlchemy does.
 */
public class IdentifierPreparer {
    private final String open;
    private final String close;
    private final Set<String> reserved;
    private final boolean foldsToUpper;

    /**
     * Creates a preparer.
     *
     * @param open the opening quote character(s)
     * @param close the closing quote character(s)
     * @param reserved the reserved words, lower case
     * @param foldsToUpper true when the database folds unquoted names to upper case (Oracle, H2)
     */
    public IdentifierPreparer(String open, String close, Set<String> reserved, boolean foldsToUpper) {
        this.open = open;
        this.close = close;
        this.reserved = reserved;
        this.foldsToUpper = foldsToUpper;
    }

    /**
     * Quotes a name when it needs quoting.
     *
     * @param name the identifier
     * @return the identifier as it must be written in SQL
     */
    public String quote(String name) {
        return requiresQuotes(name) ? quoteAlways(name) : name;
    }

    /**
     * Quotes a name unconditionally, doubling any closing quote inside it.
     *
     * @param name the identifier
     * @return the quoted identifier
     */
    public String quoteAlways(String name) {
        return open + name.replace(close, close + close) + close;
    }

    /**
     * Whether a name must be quoted.
     *
     * @param name the identifier
     * @return true when unquoted it would be a reserved word, be folded to another case, or not parse
     */
    public boolean requiresQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (reserved.contains(lower)) {
            return true;
        }
        if (!name.equals(lower)) {
            return true;
        }
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
                return true;
            }
        }
        return false;
    }

    /** {@return true when unquoted names fold to upper case on this database} */
    public boolean foldsToUpper() {
        return foldsToUpper;
    }

    /** {@return the reserved words (lower case)} */
    public Set<String> reservedWords() {
        return reserved;
    }
}
