package org.retort.dialect;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Reserved words that force quoting, shared by the dialects: SQL:2016's core list plus each dialect's own. */
public final class ReservedWords {
    /** Words reserved by the SQL standard and by every database Retort supports. */
    public static final Set<String> SQL_STANDARD = Set.of(
            "all", "alter", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "binary",
            "both", "by", "case", "cast", "check", "collate", "column", "constraint", "create", "cross",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user", "default",
            "deferrable", "delete", "desc", "distinct", "do", "drop", "else", "end", "except", "exists", "false",
            "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "in", "index", "initially",
            "inner", "insert", "intersect", "into", "is", "join", "key", "lateral", "leading", "left", "like",
            "limit", "localtime", "localtimestamp", "natural", "not", "null", "of", "offset", "on", "only", "or",
            "order", "outer", "over", "primary", "references", "returning", "right", "row", "rows", "select",
            "session_user", "set", "some", "symmetric", "table", "then", "to", "trailing", "true", "union",
            "unique", "update", "user", "using", "values", "when", "where", "window", "with");

    private ReservedWords() {
    }

    /**
     * The standard words plus a dialect's own.
     *
     * @param extra the dialect's additional reserved words, lower case
     * @return an immutable set
     */
    public static Set<String> with(String... extra) {
        Set<String> s = new HashSet<>(SQL_STANDARD);
        s.addAll(Arrays.asList(extra));
        return Set.copyOf(s);
    }
}
