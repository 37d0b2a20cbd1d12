package org.retort.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.inspect.Inspector;

/**
 * A collection of {@link Table}s and {@link Sequence}s describing a database (SQLAlchemy's {@code MetaData}),
 * with an optional default schema and a {@link NamingConvention} for constraint names.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("user_account",
 *         column("id", INTEGER, primaryKey()),
 *         column("name", VARCHAR(30), notNull()));
 * metadata.createAll(engine);     // CREATE TABLE user_account (...), in foreign key order
 * }</pre>
 *
 * <p>A MetaData is filled while the application starts and read afterwards; adding tables is not thread-safe,
 * reading is.
 */
public final class MetaData {
    private final String schema;
    private final NamingConvention namingConvention;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();

    /** A MetaData with no default schema and SQLAlchemy's default naming convention. */
    public MetaData() {
        this(null, NamingConvention.DEFAULT);
    }

    /**
     * A MetaData whose tables go in a schema unless they name one.
     *
     * @param schema the default schema, or null
     */
    public MetaData(String schema) {
        this(schema, NamingConvention.DEFAULT);
    }

    /**
     * A MetaData with a naming convention.
     *
     * @param namingConvention how unnamed constraints and indexes are named
     */
    public MetaData(NamingConvention namingConvention) {
        this(null, namingConvention);
    }

    /**
     * A MetaData with a default schema and a naming convention.
     *
     * @param schema the default schema, or null
     * @param namingConvention how unnamed constraints and indexes are named
     */
    public MetaData(String schema, NamingConvention namingConvention) {
        this.schema = schema;
        this.namingConvention = Objects.requireNonNull(namingConvention, "namingConvention");
    }

    /** {@return the default schema, or null} */
    public String schema() {
        return schema;
    }

    /** {@return the naming convention} */
    public NamingConvention namingConvention() {
        return namingConvention;
    }

    /**
     * Declares a table.
     *
     * @param name the table name
     * @param elements its columns ({@code column(...)}), constraints, indexes, {@code comment(..)}, {@code schema(..)}
     * @return the table
     * @throws ArgumentException when a table of that name and schema is already declared
     */
    public Table table(String name, TableElement... elements) {
        Objects.requireNonNull(name, "name");
        Table t = new Table(this, name, Arrays.asList(elements));
        String key = t.fullName();
        if (tables.containsKey(key)) {
            throw new ArgumentException("Table '" + key + "' is already defined in this MetaData; get it with "
                    + "metadata.table(\"" + name + "\") or remove it first");
        }
        tables.put(key, t);
        for (org.retort.sql.ColumnClause<?> c : t.columns()) {
            Sequence s = ((Column<?>) c).sequence();
            if (s != null) {
                sequences.putIfAbsent(sequenceKey(s), s);
            }
        }
        return t;
    }

    /**
     * The declared table of a name, in the default schema ({@code "schema.name"} for another).
     *
     * @param name the table name, optionally schema-qualified
     * @return the table
     * @throws ArgumentException when there is none
     */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null && schema != null) {
            t = tables.get(schema + "." + name);
        }
        if (t == null) {
            throw new ArgumentException("This MetaData has no table '" + name + "'; it has " + tables.keySet());
        }
        return t;
    }

    /**
     * Looks a table up by name and schema.
     *
     * @param name the table name
     * @param tableSchema the schema, or null
     * @return the table, or null
     */
    public Table findTable(String name, String tableSchema) {
        return tables.get(tableSchema == null ? name : tableSchema + "." + name);
    }

    /**
     * Whether a table is declared.
     *
     * @param name the table name, optionally schema-qualified
     * @return true when a table of that name is declared
     */
    public boolean hasTable(String name) {
        return tables.containsKey(name) || (schema != null && tables.containsKey(schema + "." + name));
    }

    /** {@return the tables in declaration order} */
    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * The tables ordered so that each comes after the tables it refers to (SQLAlchemy's {@code sorted_tables});
     * tables in a foreign key cycle keep declaration order among themselves.
     *
     * @return the tables in dependency order
     */
    public List<Table> sortedTables() {
        return TableSorter.sort(tables()).tables();
    }

    /**
     * Removes a table.
     *
     * @param table the table
     */
    public void remove(Table table) {
        tables.remove(table.fullName());
    }

    /**
     * Declares a standalone sequence, created and dropped with the tables.
     *
     * @param sequence the sequence
     * @return the sequence
     */
    public Sequence sequence(Sequence sequence) {
        sequences.put(sequenceKey(sequence), sequence);
        return sequence;
    }

    /** {@return the sequences: standalone ones and those columns use} */
    public List<Sequence> sequences() {
        return Collections.unmodifiableList(new ArrayList<>(sequences.values()));
    }

    private String sequenceKey(Sequence s) {
        String sch = s.schema() != null ? s.schema() : schema;
        return sch == null ? s.name() : sch + "." + s.name();
    }

    /**
     * Creates every table, index, sequence and enum type that does not exist yet ({@code checkfirst}), in
     * foreign key order.
     *
     * @param engine the engine
     */
    public void createAll(Engine engine) {
        createAll(engine, true);
    }

    /**
     * Creates every table, index, sequence and enum type, in foreign key order.
     *
     * @param engine the engine
     * @param checkFirst true to skip tables that exist; false to emit CREATE for all (failing on existing ones)
     */
    public void createAll(Engine engine, boolean checkFirst) {
        DdlRunner.create(engine, tables(), checkFirst, sequences());
    }

    /**
     * Creates the schema on a connection the caller holds, inside its transaction, without committing (for
     * migrations and tests that roll DDL back where the database allows it).
     *
     * @param connection the connection
     * @param checkFirst true to skip objects that exist
     */
    public void createAll(org.retort.engine.Connection connection, boolean checkFirst) {
        DdlRunner.create(connection, tables(), checkFirst, sequences());
    }

    /**
     * The DDL {@link #createAll(Engine, boolean) createAll} would run on a database of this dialect, every object
     * created, in order, without a database (SQLAlchemy's {@code create_mock_engine}): for offline scripts and
     * review. Each string is one statement, without a terminator.
     *
     * <pre>{@code
     * metadata.createAllDdl(new PostgresqlDialect()).forEach(sql -> System.out.println(sql + ";"));
     * }</pre>
     *
     * @param dialect the database to write DDL for
     * @return the statements in the order they run
     * @throws org.retort.exc.CompileException when the database cannot create an object as declared
     */
    public List<String> createAllDdl(org.retort.dialect.Dialect dialect) {
        return DdlRunner.createStatements(dialect, tables(), sequences());
    }

    /**
     * The DDL {@link #dropAll(Engine, boolean) dropAll} would run, every object dropped, in order, without a
     * database.
     *
     * @param dialect the database to write DDL for
     * @return the statements in the order they run
     */
    public List<String> dropAllDdl(org.retort.dialect.Dialect dialect) {
        return DdlRunner.dropStatements(dialect, tables(), sequences());
    }

    /**
     * Drops the schema on a connection the caller holds, without committing.
     *
     * @param connection the connection
     * @param checkFirst true to skip objects that do not exist
     */
    public void dropAll(org.retort.engine.Connection connection, boolean checkFirst) {
        DdlRunner.drop(connection, tables(), checkFirst, sequences());
    }

    /**
     * Drops every table that exists, in reverse foreign key order, then sequences and enum types.
     *
     * @param engine the engine
     */
    public void dropAll(Engine engine) {
        dropAll(engine, true);
    }

    /**
     * Drops every table, in reverse foreign key order.
     *
     * @param engine the engine
     * @param checkFirst true to skip tables that do not exist
     */
    public void dropAll(Engine engine, boolean checkFirst) {
        DdlRunner.drop(engine, tables(), checkFirst, sequences());
    }

    /**
     * Loads every table of the database's default schema into this MetaData (SQLAlchemy's {@code reflect}).
     *
     * @param engine the engine
     */
    public void reflect(Engine engine) {
        reflect(engine, null);
    }

    /**
     * Loads tables of a schema into this MetaData; tables already declared are kept as they are.
     *
     * @param engine the engine
     * @param tableSchema the schema, or null for the default
     * @param only the tables to load (with the tables they refer to); none for all
     */
    public void reflect(Engine engine, String tableSchema, String... only) {
        Inspector.of(engine).reflectInto(this, tableSchema, List.of(only));
    }

    /**
     * Loads one table from the database into this MetaData (SQLAlchemy's {@code Table(name, metadata,
     * autoload_with=engine)}). Tables it refers to are not loaded; use {@link #reflect(Engine, String, String...)}
     * for those.
     *
     * @param engine the engine
     * @param name the table name, in this MetaData's default schema
     * @return the table
     */
    public Table reflectTable(Engine engine, String name) {
        return Inspector.of(engine).reflectTable(this, name, schema);
    }

    @Override
    public String toString() {
        return "MetaData" + tables.keySet();
    }
}
