package org.retort.inspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retort.dialect.Dialect;

/**
 * The catalog queries that read the SQL-standard {@code information_schema} views the same way on every
 * database that has them (H2, MySQL, MariaDB): table and view lists, constraint columns, check clauses and
 * table-level values. A subclass gives the condition that picks the wanted schema and overrides only what its
 * database reports differently.
 */
public abstract class InformationSchemaReflector extends Reflector {
    /** The condition on {@code table_schema} that picks the asked-for schema (its one parameter) or the default. */
    protected final String inSchema;

    /**
     * Creates the reflector.
     *
     * @param dialect the dialect
     * @param inSchema a condition on an unqualified {@code table_schema} with one parameter, the schema or null
     *     for the connection's default, e.g. {@code table_schema = coalesce(?, DATABASE())}
     */
    protected InformationSchemaReflector(Dialect dialect, String inSchema) {
        super(dialect);
        this.inSchema = inSchema;
    }

    /**
     * Lists the names in {@code information_schema.tables} of the schema whose {@code table_type} matches.
     *
     * @param c the connection
     * @param schema the schema, or null for the default
     * @param typeCondition a condition on {@code table_type}, e.g. {@code table_type = 'VIEW'}
     * @return the names, sorted
     * @throws SQLException on failure
     */
    protected List<String> tablesWhere(Connection c, String schema, String typeCondition) throws SQLException {
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE " + inSchema + " AND "
                + typeCondition + " ORDER BY table_name", schema);
    }

    /**
     * Reads one column of the table's row in {@code information_schema.tables}.
     *
     * @param c the connection
     * @param schema the schema, or null for the default
     * @param table the table
     * @param column the column, e.g. {@code remarks}
     * @return the value as text, or null when the table is not there or the value is null
     * @throws SQLException on failure
     */
    protected String tableValue(Connection c, String schema, String table, String column) throws SQLException {
        List<String> r = strings(c, "SELECT " + column + " FROM information_schema.tables WHERE " + inSchema
                + " AND table_name = ?", schema, table);
        return r.isEmpty() ? null : r.get(0);
    }

    /**
     * Lists the columns of the table's constraints of one type, labelled {@code constraint_name} and
     * {@code column_name}, ordered by constraint and column position; feeds {@link #primaryKeyFrom(List)} and
     * {@link #uniquesFrom(List)}.
     *
     * @param c the connection
     * @param schema the schema, or null for the default
     * @param table the table
     * @param type the constraint type, upper case: {@code PRIMARY KEY} or {@code UNIQUE}
     * @return the rows
     * @throws SQLException on failure
     */
    protected List<Map<String, Object>> constraintColumns(Connection c, String schema, String table, String type)
            throws SQLException {
        return query(c, "SELECT t.constraint_name, k.column_name FROM information_schema.table_constraints t "
                + "JOIN information_schema.key_column_usage k ON k.constraint_schema = t.constraint_schema "
                + "AND k.constraint_name = t.constraint_name AND k.table_name = t.table_name "
                + "WHERE t." + inSchema + " AND t.table_name = ? AND upper(t.constraint_type) = ? "
                + "ORDER BY t.constraint_name, k.ordinal_position", schema, table, type);
    }

    /**
     * Lists the table's check constraints, labelled {@code constraint_name} and {@code check_clause}, by name.
     *
     * @param c the connection
     * @param schema the schema, or null for the default
     * @param table the table
     * @param sameTable true to also match {@code check_constraints.table_name}, for databases (MariaDB) whose
     *     check names are unique only per table
     * @return the rows
     * @throws SQLException on failure
     */
    protected List<Map<String, Object>> checkRows(Connection c, String schema, String table, boolean sameTable)
            throws SQLException {
        return query(c, "SELECT t.constraint_name, cc.check_clause FROM "
                + "information_schema.table_constraints t JOIN information_schema.check_constraints cc "
                + "ON cc.constraint_schema = t.constraint_schema AND cc.constraint_name = t.constraint_name "
                + (sameTable ? "AND cc.table_name = t.table_name " : "")
                + "WHERE t." + inSchema + " AND t.table_name = ? AND upper(t.constraint_type) = 'CHECK' "
                + "ORDER BY t.constraint_name", schema, table);
    }

    /**
     * Maps a {@code referential_constraints} rule to the ON DELETE/ON UPDATE text; NO ACTION and RESTRICT (what
     * the database does anyway) give null.
     *
     * @param rule the rule, e.g. {@code CASCADE}, or null
     * @return the rule in upper case, or null
     */
    protected static String action(Object rule) {
        if (rule == null) {
            return null;
        }
        String r = rule.toString().toUpperCase(Locale.ROOT);
        return r.equals("NO ACTION") || r.equals("RESTRICT") ? null : r;
    }
}
