package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.retort.schema.ColumnDef;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.MetaData;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.types.Types;

/**
 * Builds throwaway {@link Table}s so core's DDL compiler can render one piece of an ALTER: a table holding just the
 * columns an operation names, and stub tables for the targets of its foreign keys (only their names are rendered).
 */
public final class Scratch {
    private Scratch() {
    }

    /**
     * A table with the given elements, plus stubs for every table its foreign keys refer to.
     *
     * @param schema the schema, or null
     * @param name the table name
     * @param elements columns and constraints
     * @return the bound table
     */
    public static Table table(String schema, String name, List<? extends TableElement> elements) {
        MetaData md = new MetaData();
        List<TableElement> all = new ArrayList<>(elements);
        if (schema != null) {
            all.add(Schema.schema(schema));
        }
        Table t = md.table(name, all.toArray(TableElement[]::new));
        addStubs(md, t);
        return t;
    }

    /**
     * Adds a stub table (columns of a placeholder type) for each foreign key target missing from the MetaData.
     *
     * @param md the MetaData holding the table
     * @param t the table
     */
    public static void addStubs(MetaData md, Table t) {
        for (ForeignKeyConstraint fk : t.foreignKeys()) {
            String refSchema = fk.referredSchema() != null ? fk.referredSchema() : md.schema();
            Table existing = md.findTable(fk.referredTableName(), refSchema);
            if (existing != null) {
                continue;
            }
            Set<String> cols = new LinkedHashSet<>(fk.referredColumnNames());
            List<TableElement> els = new ArrayList<>();
            for (String c : cols) {
                els.add(Schema.column(c, Types.INTEGER));
            }
            if (fk.referredSchema() != null) {
                els.add(Schema.schema(fk.referredSchema()));
            }
            md.table(fk.referredTableName(), els.toArray(TableElement[]::new));
        }
    }

    /**
     * A table holding placeholder columns of the given names, for constraints and indexes on an existing table.
     *
     * @param schema the schema, or null
     * @param name the table name
     * @param columns the column names
     * @param more constraints or indexes to declare on it
     * @return the bound table
     */
    public static Table withColumns(String schema, String name, List<String> columns, TableElement... more) {
        List<TableElement> els = new ArrayList<>();
        for (String c : new LinkedHashSet<>(columns)) {
            els.add(Schema.column(c, Types.INTEGER, Schema.noAutoincrement()));
        }
        els.addAll(List.of(more));
        return table(schema, name, els);
    }

    /**
     * A table holding one column definition, to render it.
     *
     * @param schema the schema, or null
     * @param table the table name
     * @param column the column
     * @return the bound table
     */
    public static Table withColumn(String schema, String table, ColumnDef<?> column) {
        return table(schema, table, List.of(column));
    }
}
