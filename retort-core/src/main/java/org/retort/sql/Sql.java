package org.retort.sql;

/**
 * Static entry points of the SQL expression language, meant for {@code import static org.retort.sql.Sql.*}.
 */
public final class Sql {
    private Sql() {
    }

    /**
     * Literal SQL with {@code :name} bind parameters.
     *
     * @param sql the SQL text
     * @return the clause
     * @see TextClause
     */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }
}
