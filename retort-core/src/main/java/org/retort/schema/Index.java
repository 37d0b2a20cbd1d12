package org.retort.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index, {@code CREATE [UNIQUE] INDEX name ON t (a, lower(b)) [WHERE ...]}: on columns, on SQL expressions
 * (a functional index, on PostgreSQL, SQLite and MySQL 8), partial with {@link #where(String)} (PostgreSQL and
 * SQLite), with dialect options such as {@code dialectOption("postgresql_using", "gin")}.
 *
 * <p>Declared with {@code index("ix_user_name", "name")} among a table's elements, or with {@code index()} on a
 * column; without a name, the MetaData's naming convention names it ({@code ix_<table>_<column>}).
 */
public final class Index implements TableElement {
    private final String declaredName;
    private final List<Element> elements;
    private final boolean unique;
    private final String where;
    private final Map<String, Object> dialectOptions;
    private final Table table;
    private final String name;
    private final boolean generated;

    /**
     * One indexed item: a column name, or an SQL expression.
     *
     * @param column the column name, or null for an expression
     * @param expression the SQL expression, or null for a column
     */
    public record Element(String column, String expression) {
    }

    Index(String declaredName, List<Element> elements, boolean unique, String where, Map<String, Object> dialectOptions,
          Table table, String name, boolean generated) {
        this.declaredName = declaredName;
        this.elements = List.copyOf(elements);
        this.unique = unique;
        this.where = where;
        this.dialectOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dialectOptions));
        this.table = table;
        this.name = name;
        this.generated = generated;
    }

    /**
     * An index on columns.
     *
     * @param name the index name, or null for the naming convention's
     * @param columnNames the columns
     * @return the index
     */
    public static Index of(String name, String... columnNames) {
        List<Element> els = new ArrayList<>();
        for (String c : columnNames) {
            els.add(new Element(c, null));
        }
        return new Index(name, els, false, null, Map.of(), null, null, false);
    }

    /** {@return a UNIQUE copy} */
    public Index unique() {
        return new Index(declaredName, elements, true, where, dialectOptions, null, null, false);
    }

    /**
     * Returns a copy indexing it after the current elements.
     *
     * @param sql an SQL expression to index, e.g. {@code lower(email)}
     * @return a copy indexing it after the current elements
     */
    public Index expression(String sql) {
        List<Element> els = new ArrayList<>(elements);
        els.add(new Element(null, sql));
        return new Index(declaredName, els, unique, where, dialectOptions, null, null, false);
    }

    /**
     * Returns a copy with {@code WHERE sql}.
     *
     * @param sql the predicate of a partial index (PostgreSQL, SQLite)
     * @return a copy with {@code WHERE sql}
     */
    public Index where(String sql) {
        return new Index(declaredName, elements, unique, sql, dialectOptions, null, null, false);
    }

    /**
     * A dialect-specific option, named {@code <dialect>_<option>} as in SQLAlchemy; options of other dialects
     * are ignored, and an option its dialect does not know fails that dialect's CREATE INDEX with a
     * {@code CompileException}. Known: {@code postgresql_using} (the index method: btree, hash, gin, gist, brin),
     * {@code postgresql_include} (covering columns), {@code mysql_length} (prefix length: an int, or a map from
     * column name to int), {@code mysql_prefix} (FULLTEXT, SPATIAL), {@code mysql_using} (BTREE, HASH), the same
     * as {@code mariadb_*}, {@code mssql_clustered} (true/false), {@code mssql_include}, {@code oracle_bitmap}.
     *
     * @param key the option
     * @param value its value
     * @return a copy with the option
     */
    public Index dialectOption(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(dialectOptions);
        m.put(key, value);
        return new Index(declaredName, elements, unique, where, m, null, null, false);
    }

    Index bind(Table t, String effectiveName, boolean isGenerated) {
        return new Index(declaredName, elements, unique, where, dialectOptions, t, effectiveName, isGenerated);
    }

    /** {@return the name used in DDL} */
    public String name() {
        return table == null ? declaredName : name;
    }

    /** {@return true when the name came from the naming convention} */
    public boolean isNameGenerated() {
        return generated;
    }

    /** {@return the indexed items} */
    public List<Element> elements() {
        return elements;
    }

    /** {@return the names of the indexed columns (expressions left out)} */
    public List<String> columnNames() {
        return elements.stream().filter(e -> e.column() != null).map(Element::column).toList();
    }

    /** {@return true for a UNIQUE index} */
    public boolean isUnique() {
        return unique;
    }

    /** {@return the partial index predicate, or null} */
    public String whereClause() {
        return where;
    }

    /** {@return the dialect options} */
    public Map<String, Object> dialectOptions() {
        return dialectOptions;
    }

    /** {@return the table, or null while unbound} */
    public Table table() {
        return table;
    }

    @Override
    public String toString() {
        return "Index " + name() + elements;
    }
}
