package org.retort.inspect;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.schema.MetaData;
import org.retort.schema.Table;

/**
 * Reads a live database's schema (SQLAlchemy's {@code Inspector}): schema, table and view names, and per table
 * its columns (with Retort types), primary key, foreign keys, indexes, unique and check constraints and comment.
 * {@link #reflectTable} and {@link MetaData#reflect} build full {@link Table}s from that.
 *
 * <pre>{@code
 * Inspector insp = Inspector.of(engine);
 * for (String name : insp.tableNames()) {
 *     System.out.println(name + " " + insp.columns(name));
 * }
 * }</pre>
 *
 * <p>Bound to an engine, each call checks a connection out and back in; bound to a {@link Connection}, calls
 * run on it (and see its uncommitted DDL). Not thread-safe when bound to a connection.
 */
public final class Inspector {
    private final Engine engine;
    private final Connection connection;
    private final Dialect dialect;
    private final Reflector reflector;

    private Inspector(Engine engine, Connection connection) {
        this.engine = engine;
        this.connection = connection;
        this.dialect = engine != null ? engine.dialect() : connection.dialect();
        this.reflector = dialect.reflector();
    }

    /**
     * An inspector on an engine.
     *
     * @param engine the engine
     * @return the inspector
     */
    public static Inspector of(Engine engine) {
        return new Inspector(Objects.requireNonNull(engine, "engine"), null);
    }

    /**
     * An inspector on an open connection.
     *
     * @param connection the connection
     * @return the inspector
     */
    public static Inspector of(Connection connection) {
        return new Inspector(null, Objects.requireNonNull(connection, "connection"));
    }

    /**
     * Same as {@link #of(Engine)}, SQLAlchemy's spelling.
     *
     * @param engine the engine
     * @return the inspector
     */
    public static Inspector inspect(Engine engine) {
        return of(engine);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(java.sql.Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        if (connection != null) {
            return runOn(connection, work);
        }
        try (Connection c = engine.connect()) {
            return runOn(c, work);
        }
    }

    private <T> T runOn(Connection c, Work<T> work) {
        try {
            return work.run(c.jdbcConnection());
        } catch (SQLException e) {
            throw dialect.translate(e, "(reflection query)", null, false);
        }
    }

    /** {@return the schema unqualified names resolve to} */
    public String defaultSchemaName() {
        return run(reflector::defaultSchemaName);
    }

    /** {@return the schemas (databases on MySQL/MariaDB)} */
    public List<String> schemaNames() {
        return run(reflector::schemaNames);
    }

    /** {@return the tables of the default schema, sorted by name} */
    public List<String> tableNames() {
        return tableNames(null);
    }

    /**
     * Returns the schema's tables, sorted by name (Java string order, the same on every database).
     *
     * @param schema the schema, or null for the default
     * @return its tables, sorted by name (Java string order, the same on every database)
     */
    public List<String> tableNames(String schema) {
        return run(c -> reflector.tableNames(c, schema)).stream().sorted().toList();
    }

    /**
     * The tables of a schema ordered so each comes after the tables it refers to (SQLAlchemy's
     * {@code get_sorted_table_and_fkc_names}, without the constraints); tables in a cycle keep name order.
     *
     * @param schema the schema, or null
     * @return the table names in dependency order
     */
    public List<String> sortedTableNames(String schema) {
        List<String> names = tableNames(schema);
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (String n : names) {
            Set<String> d = new LinkedHashSet<>();
            for (ReflectedForeignKey fk : foreignKeys(n, schema)) {
                if (!fk.referredTable().equals(n) && names.contains(fk.referredTable())) {
                    d.add(fk.referredTable());
                }
            }
            deps.put(n, d);
        }
        List<String> out = new ArrayList<>();
        while (out.size() < names.size()) {
            boolean progressed = false;
            for (String n : names) {
                if (!out.contains(n) && out.containsAll(deps.get(n))) {
                    out.add(n);
                    progressed = true;
                }
            }
            if (!progressed) {
                names.stream().filter(n -> !out.contains(n)).findFirst().ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Returns the schema's views, sorted by name.
     *
     * @param schema the schema, or null for the default
     * @return its views, sorted by name
     */
    public List<String> viewNames(String schema) {
        return run(c -> reflector.viewNames(c, schema)).stream().sorted().toList();
    }

    /**
     * Returns the schema's sequences.
     *
     * @param schema the schema, or null
     * @return its sequences
     */
    public List<String> sequenceNames(String schema) {
        return run(c -> reflector.sequenceNames(c, schema));
    }

    /**
     * Returns the schema's enum types (PostgreSQL).
     *
     * @param schema the schema, or null
     * @return its enum types (PostgreSQL)
     */
    public List<String> enumTypeNames(String schema) {
        return run(c -> reflector.enumTypeNames(c, schema));
    }

    /**
     * Returns true when the table (or a view of that name) exists.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return true when the table (or a view of that name) exists
     */
    public boolean hasTable(String table, String schema) {
        return run(c -> reflector.tableNames(c, schema).contains(table) || reflector.viewNames(c, schema).contains(table));
    }

    /**
     * Returns true when the sequence exists.
     *
     * @param sequence the sequence
     * @param schema the schema, or null
     * @return true when it exists
     */
    public boolean hasSequence(String sequence, String schema) {
        return sequenceNames(schema).contains(sequence);
    }

    /**
     * Returns the table's columns.
     *
     * @param table the table in the default schema
     * @return its columns
     */
    public List<ReflectedColumn> columns(String table) {
        return columns(table, null);
    }

    /**
     * Returns the table's columns, in table order.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return its columns, in table order
     * @throws ArgumentException when there is no such table
     */
    public List<ReflectedColumn> columns(String table, String schema) {
        List<ReflectedColumn> cols = run(c -> reflector.columns(c, schema, table));
        if (cols.isEmpty()) {
            throw new ArgumentException("No table '" + (schema == null ? "" : schema + ".") + table + "' in the "
                    + "database; its tables are " + tableNames(schema));
        }
        return cols;
    }

    /**
     * Returns the table's primary key.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return its primary key
     */
    public ReflectedPrimaryKey primaryKey(String table, String schema) {
        return run(c -> reflector.primaryKey(c, schema, table));
    }

    /**
     * Returns the table's foreign keys.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return its foreign keys
     */
    public List<ReflectedForeignKey> foreignKeys(String table, String schema) {
        return run(c -> reflector.foreignKeys(c, schema, table));
    }

    /**
     * Returns the table's indexes.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return its indexes
     */
    public List<ReflectedIndex> indexes(String table, String schema) {
        return run(c -> reflector.indexes(c, schema, table));
    }

    /**
     * Returns the table's unique constraints.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return its unique constraints
     */
    public List<ReflectedUnique> uniqueConstraints(String table, String schema) {
        return run(c -> reflector.uniqueConstraints(c, schema, table));
    }

    /**
     * Returns the table's check constraints.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return its check constraints
     */
    public List<ReflectedCheck> checkConstraints(String table, String schema) {
        return run(c -> reflector.checkConstraints(c, schema, table));
    }

    /**
     * Returns the table's comment, or null.
     *
     * @param table the table
     * @param schema the schema, or null
     * @return its comment, or null
     */
    public String tableComment(String table, String schema) {
        return run(c -> reflector.tableComment(c, schema, table));
    }

    /**
     * Builds a {@link Table} in a MetaData from the database (SQLAlchemy's {@code Table(..., autoload_with=)}).
     *
     * @param metadata the MetaData to add it to
     * @param table the table name
     * @param schema the schema, or null
     * @return the table
     */
    public Table reflectTable(MetaData metadata, String table, String schema) {
        return TableBuilder.build(this, metadata, table, schema);
    }

    /**
     * Adds tables of a schema to a MetaData, with the tables they refer to; tables it has already are kept.
     *
     * @param metadata the MetaData
     * @param schema the schema, or null
     * @param only the tables wanted; empty for all
     */
    public void reflectInto(MetaData metadata, String schema, List<String> only) {
        List<String> all = tableNames(schema);
        for (String name : only) {
            if (!all.contains(name)) {
                throw new ArgumentException("Cannot reflect table '" + name + "': the database has no such table; "
                        + "it has " + all);
            }
        }
        Deque<String> todo = new ArrayDeque<>(only.isEmpty() ? all : only);
        Set<String> done = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!done.add(name)) {
                continue;
            }
            if (metadata.findTable(name, schema != null ? schema : metadata.schema()) == null) {
                reflectTable(metadata, name, schema);
            }
            for (ReflectedForeignKey fk : foreignKeys(name, schema)) {
                if (fk.referredSchema() == null && !done.contains(fk.referredTable())) {
                    todo.add(fk.referredTable());
                }
            }
        }
    }

    /** {@return the dialect} */
    public Dialect dialect() {
        return dialect;
    }
}
