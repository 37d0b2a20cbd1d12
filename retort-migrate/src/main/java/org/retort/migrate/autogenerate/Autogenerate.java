package org.retort.migrate.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.inspect.Inspector;
import org.retort.migrate.AlterColumn;
import org.retort.migrate.internal.JavaRenderer;
import org.retort.schema.Column;
import org.retort.schema.MetaData;
import org.retort.schema.Sequence;
import org.retort.schema.Table;

/**
 * Compares an application's {@link MetaData} with a live database and writes the difference as a revision
 * (Alembic's autogenerate). Compared: tables, columns, types (as each database spells them, so {@code VARCHAR(30)}
 * equals the reflected {@code character varying(30)}), nullability, server defaults (normalized), column and
 * table comments, indexes, unique, foreign key and check constraints (a changed CHECK condition is found, which
 * Alembic does not), and sequences. Renames are never guessed: a table or column that disappears while one with
 * the same shape appears is written as a drop and an add, with a comment offering the rename.
 *
 * <p>Constraints the model leaves unnamed get a name when added ({@code uq_<table>_<columns>},
 * {@code fk_<table>_<columns>}, {@code ck_<table>_<n>}) so the downgrade can drop them; they are matched by their
 * columns or condition, never by name, so the generated names do not count as differences.
 */
public final class Autogenerate {
    private Autogenerate() {
    }

    /**
     * Lists how the database differs from the model, ordered so that applying them in order works: new sequences
     * and tables (parents first), then per table column, index and constraint changes, new foreign keys, and the
     * removed tables last.
     *
     * @param connection the database
     * @param model the application's schema
     * @param options what to compare
     * @param versionTable the version table's name, left out of the comparison
     * @return the changes; empty when the database matches the model
     */
    public static List<SchemaChange> compare(Connection connection, MetaData model, AutogenerateOptions options,
                                             String versionTable) {
        Objects.requireNonNull(model, "model");
        Dialect d = connection.dialect();
        Inspector insp = Inspector.of(connection);
        String schema = options.schema();
        MetaData db = new MetaData();
        for (String name : insp.tableNames(schema)) {
            if (!name.equalsIgnoreCase(versionTable) && options.includeTable().test(name)) {
                insp.reflectTable(db, name, schema);
            }
        }
        Map<String, Table> modelTables = new LinkedHashMap<>();
        for (Table t : model.sortedTables()) {
            if (Objects.equals(t.schema(), schema) && options.includeTable().test(t.name())
                    && !t.name().equalsIgnoreCase(versionTable)) {
                modelTables.put(key(t.name()), t);
            }
        }
        Map<String, Table> dbTables = new LinkedHashMap<>();
        for (Table t : db.sortedTables()) {
            dbTables.put(key(t.name()), t);
        }
        List<SchemaChange> sequencesAdded = new ArrayList<>();
        List<SchemaChange> foreignKeysDropped = new ArrayList<>();
        List<SchemaChange> tablesAdded = new ArrayList<>();
        List<SchemaChange> perTable = new ArrayList<>();
        List<SchemaChange> foreignKeysAdded = new ArrayList<>();
        List<SchemaChange> tablesDropped = new ArrayList<>();
        List<SchemaChange> sequencesDropped = new ArrayList<>();
        List<SchemaChange> hints = new ArrayList<>();

        for (Table m : modelTables.values()) {
            Table r = dbTables.get(key(m.name()));
            if (r == null) {
                tablesAdded.add(new SchemaChange.AddTable(m));
            } else {
                new TableComparison(connection, options, m, r, perTable, foreignKeysAdded, foreignKeysDropped).run();
            }
        }
        List<Table> dropped = new ArrayList<>();
        for (Table r : dbTables.values()) {
            if (!modelTables.containsKey(key(r.name()))) {
                dropped.add(r);
            }
        }
        java.util.Collections.reverse(dropped);
        for (Table r : dropped) {
            tablesDropped.add(new SchemaChange.DropTable(r));
            for (SchemaChange c : tablesAdded) {
                Table m = ((SchemaChange.AddTable) c).definition();
                if (lowerNames(m.columnNames()).equals(lowerNames(r.columnNames()))) {
                    hints.add(new SchemaChange.Hint("table " + r.name() + " is removed and " + m.name()
                            + " added with the same columns: if it is a rename, replace both with op.renameTable("
                            + JavaRenderer.str(r.name()) + ", " + JavaRenderer.str(m.name()) + ")"));
                }
            }
        }
        hints.addAll(columnRenameHints(perTable));
        if (d.supportsSequences()) {
            compareSequences(insp, model, db, schema, sequencesAdded, sequencesDropped);
        }
        List<SchemaChange> out = new ArrayList<>(hints);
        out.addAll(sequencesAdded);
        out.addAll(foreignKeysDropped);
        out.addAll(tablesAdded);
        out.addAll(perTable);
        out.addAll(foreignKeysAdded);
        out.addAll(tablesDropped);
        out.addAll(sequencesDropped);
        return out;
    }

    private static List<SchemaChange> columnRenameHints(List<SchemaChange> changes) {
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.DropColumn drop) {
                for (SchemaChange a : changes) {
                    if (a instanceof SchemaChange.AddColumn add && add.table().equals(drop.table())
                            && add.column().type().equals(drop.column().type())) {
                        out.add(new SchemaChange.Hint("column " + drop.table() + "." + drop.column().name()
                                + " is removed and " + add.column().name() + " added with the same type: if it is a "
                                + "rename, replace both with op.alterColumn(" + JavaRenderer.str(drop.table()) + ", "
                                + JavaRenderer.str(drop.column().name()) + ", AlterColumn.change().newName("
                                + JavaRenderer.str(add.column().name()) + "))"));
                    }
                }
            }
        }
        return out;
    }

    private static void compareSequences(Inspector insp, MetaData model, MetaData db, String schema,
                                         List<SchemaChange> added, List<SchemaChange> dropped) {
        Set<String> existing = new TreeSet<>();
        for (String s : insp.sequenceNames(schema)) {
            existing.add(key(s));
        }
        Set<String> owned = new TreeSet<>();
        for (Table t : db.tables()) {
            for (Column<?> c : t.schemaColumns()) {
                owned.add(key(t.name() + "_" + c.name() + "_seq"));
            }
        }
        Set<String> declared = new TreeSet<>();
        for (Sequence s : model.sequences()) {
            if (Objects.equals(s.schema(), schema)) {
                declared.add(key(s.name()));
                if (!existing.contains(key(s.name()))) {
                    added.add(new SchemaChange.SequenceChange(s, true));
                }
            }
        }
        for (String s : existing) {
            if (!declared.contains(s) && !owned.contains(s) && !s.startsWith("system_sequence")
                    && !s.startsWith("isseq$$")) {
                dropped.add(new SchemaChange.SequenceChange(Sequence.named(s), false));
            }
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static List<String> lowerNames(List<String> names) {
        return names.stream().map(Autogenerate::key).sorted().toList();
    }

    /**
     * Writes changes as the body of {@code upgrade}.
     *
     * @param changes the changes, in {@link #compare} order
     * @param batch true to put column and constraint changes in {@code op.batchAlterTable} blocks
     * @return Java statements, one or more lines each
     */
    public static String renderUpgrade(List<SchemaChange> changes, boolean batch) {
        return render(changes, batch);
    }

    /**
     * Writes the inverse of the changes, in reverse order, as the body of {@code downgrade}.
     *
     * @param changes the changes, in {@link #compare} order
     * @param batch true to put column and constraint changes in {@code op.batchAlterTable} blocks
     * @return Java statements
     */
    public static String renderDowngrade(List<SchemaChange> changes, boolean batch) {
        List<SchemaChange> inverse = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (!(c instanceof SchemaChange.Hint)) {
                inverse.add(0, c.inverse());
            }
        }
        return render(inverse, batch);
    }

    private static String render(List<SchemaChange> changes, boolean batch) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < changes.size(); i++) {
            SchemaChange c = changes.get(i);
            if (batch && c.batchable()) {
                sb.append("op.batchAlterTable(").append(JavaRenderer.str(c.table())).append(", batch -> batch");
                int j = i;
                while (j < changes.size() && changes.get(j).batchable() && changes.get(j).table().equals(c.table())) {
                    sb.append("\n        ").append(changes.get(j).java(true).replace("\n", "\n        "));
                    j++;
                }
                sb.append(");\n");
                i = j - 1;
            } else {
                sb.append(c.java(false)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Normalizes SQL text for comparison: lower case, no whitespace, parentheses, quotes or {@code ::type} casts.
     *
     * @param sql the text
     * @return the normalized text
     */
    static String normSql(String sql) {
        return org.retort.migrate.internal.SqlText.normalize(sql);
    }

    /**
     * Whether two server defaults mean the same: equal after {@link #normSql}, with quotes around a number
     * ignored.
     *
     * @param a one default, or null
     * @param b the other, or null
     * @return true when they are the same
     */
    static boolean sameDefault(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return unquoteNumber(normSql(a)).equals(unquoteNumber(normSql(b)));
    }

    private static String unquoteNumber(String s) {
        return s.matches("'-?[0-9.]+'") ? s.substring(1, s.length() - 1) : s;
    }
}
