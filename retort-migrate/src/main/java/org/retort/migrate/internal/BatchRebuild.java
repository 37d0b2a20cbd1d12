package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.migrate.AlterColumn;
import org.retort.migrate.MigrationException;
import org.retort.schema.CheckConstraint;
import org.retort.schema.Column;
import org.retort.schema.ColumnDef;
import org.retort.schema.ColumnFlag;
import org.retort.schema.ColumnOption;
import org.retort.schema.CommentText;
import org.retort.schema.CreateTable;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.MetaData;
import org.retort.schema.PrimaryKeyConstraint;
import org.retort.schema.Schema;
import org.retort.schema.ServerDefault;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.schema.UniqueConstraint;

/**
 * SQLite's "move and copy" (Alembic's batch mode, SQLite's documented twelve-step procedure): reflect the table,
 * apply the batch to its definition, create {@code _retort_tmp_<table>} with the result, copy the rows with
 * {@code INSERT ... SELECT} (a changed type converts with CAST), drop the old table, rename the new one into place
 * and recreate its indexes. Foreign key enforcement is switched off around the revision by the migrator, so
 * dropping a referenced table neither cascades nor fails.
 */
public final class BatchRebuild {
    private BatchRebuild() {
    }

    /** A column of the new table and the SQL expression over the old table that fills it (null for none). */
    private record Target(ColumnDef<?> def, String source) {
    }

    /**
     * The statements that rebuild a table with the changes applied.
     *
     * @param old the table as it is
     * @param impl the SQL renderer
     * @param schema the schema, or null
     * @param name the table
     * @param changes the batch
     * @return the statements
     */
    public static List<String> plan(Table old, DdlImpl impl, String schema, String name, List<BatchChange> changes) {
        Map<String, Target> columns = new LinkedHashMap<>();
        for (Column<?> c : old.schemaColumns()) {
            ColumnDef<?> def = Definitions.column(c);
            if (c.isPrimaryKey() && old.primaryKey().columnNames().size() == 1) {
                def = withOptions(def, plus(def.options(), ColumnFlag.PRIMARY_KEY));
            }
            columns.put(c.name(), new Target(def, impl.quote(c.name())));
        }
        List<TableElement> constraints = new ArrayList<>();
        for (TableElement e : Definitions.constraints(old)) {
            if (!(e instanceof PrimaryKeyConstraint p && p.columnNames().size() == 1)) {
                constraints.add(e);
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (TableElement e : Definitions.indexes(old)) {
            indexes.add((Index) e);
        }
        for (BatchChange change : changes) {
            switch (change) {
                case BatchChange.AddColumn a -> columns.put(a.column().name(), new Target(a.column(), null));
                case BatchChange.DropColumn d -> {
                    require(columns, d.column(), name);
                    columns.remove(d.column());
                    constraints.removeIf(e -> mentions(e, d.column()));
                    indexes.removeIf(ix -> ix.columnNames().contains(d.column()));
                }
                case BatchChange.AlterColumnChange a -> {
                    Target t = require(columns, a.column(), name);
                    alter(columns, a.column(), t, a.change(), impl);
                    if (a.change().newName() != null) {
                        String from = a.column();
                        String to = a.change().newName();
                        constraints.replaceAll(e -> renamed(e, from, to));
                        indexes.replaceAll(ix -> (Index) renamed(ix, from, to));
                    }
                }
                case BatchChange.CreateIndex i -> indexes.add(i.index());
                case BatchChange.DropIndex i -> {
                    if (!indexes.removeIf(ix -> i.name().equalsIgnoreCase(ix.name()))) {
                        throw new MigrationException("Table '" + name + "' has no index '" + i.name() + "'");
                    }
                }
                case BatchChange.AddConstraint a -> constraints.add(a.constraint());
                case BatchChange.DropCheck d -> {
                    String want = SqlText.normalize(d.condition());
                    if (!constraints.removeIf(e -> e instanceof CheckConstraint c
                            && SqlText.normalize(c.sql()).equals(want))) {
                        throw new MigrationException("Table '" + name + "' has no check constraint (" + d.condition()
                                + ")");
                    }
                }
                case BatchChange.DropConstraint d -> {
                    if (!constraints.removeIf(e -> d.name().equalsIgnoreCase(nameOf(e)))) {
                        throw new MigrationException("Table '" + name + "' has no constraint '" + d.name()
                                + "'; SQLite only keeps the names of constraints declared with CONSTRAINT name");
                    }
                }
            }
        }
        String tmp = "_retort_tmp_" + name;
        MetaData md = new MetaData();
        List<TableElement> els = new ArrayList<>();
        columns.values().forEach(t -> els.add(t.def()));
        els.addAll(constraints);
        if (old.comment() != null) {
            els.add(Schema.comment(old.comment()));
        }
        if (schema != null) {
            els.add(Schema.schema(schema));
        }
        Table fresh = md.table(tmp, els.toArray(TableElement[]::new));
        Scratch.addStubs(md, fresh);
        List<String> into = new ArrayList<>();
        List<String> from = new ArrayList<>();
        columns.forEach((col, t) -> {
            if (t.source() != null) {
                into.add(impl.quote(col));
                from.add(t.source());
            }
        });
        List<String> out = new ArrayList<>();
        out.add(impl.compile(new CreateTable(fresh)));
        if (!into.isEmpty()) {
            out.add("INSERT INTO " + impl.table(schema, tmp) + " (" + String.join(", ", into) + ") SELECT "
                    + String.join(", ", from) + " FROM " + impl.table(schema, name));
        }
        out.add("DROP TABLE " + impl.table(schema, name));
        out.add("ALTER TABLE " + impl.table(schema, tmp) + " RENAME TO " + impl.quote(name));
        if (!indexes.isEmpty()) {
            List<String> names = new ArrayList<>(columns.keySet());
            Table finalTable = Scratch.withColumns(schema, name, names, indexes.toArray(TableElement[]::new));
            for (Index ix : finalTable.indexes()) {
                out.addAll(impl.createIndex(ix));
            }
        }
        return out;
    }

    private static Target require(Map<String, Target> columns, String column, String table) {
        Target t = columns.get(column);
        if (t == null) {
            throw new MigrationException("Table '" + table + "' has no column '" + column + "'; its columns are "
                    + columns.keySet());
        }
        return t;
    }

    private static void alter(Map<String, Target> columns, String column, Target t, AlterColumn a, DdlImpl impl) {
        ColumnDef<?> def = t.def();
        List<ColumnOption> opts = new ArrayList<>(def.options());
        if (a.nullable() != null) {
            opts.remove(ColumnFlag.NOT_NULL);
            opts.remove(ColumnFlag.NULLABLE);
            boolean pk = opts.contains(ColumnFlag.PRIMARY_KEY);
            if (!a.nullable() && !pk) {
                opts.add(ColumnFlag.NOT_NULL);
            } else if (a.nullable() && pk) {
                opts.add(ColumnFlag.NULLABLE);
            }
        }
        if (a.changesDefault()) {
            opts.removeIf(o -> o instanceof ServerDefault s && !s.onUpdate());
            if (!a.removeServerDefault()) {
                opts.add(new ServerDefault(a.serverDefault(), false));
            }
        }
        if (a.removeIdentity() || a.identity() != null) {
            opts.removeIf(o -> o instanceof org.retort.schema.Identity);
            if (a.identity() != null) {
                opts.add(a.identity());
            }
        }
        if (a.changesComment()) {
            opts.removeIf(o -> o instanceof CommentText);
            if (!a.removeComment()) {
                opts.add(Schema.comment(a.comment()));
            }
        }
        String newName = a.newName() != null ? a.newName() : column;
        org.retort.types.SqlType<?> newType = a.type() != null ? a.type() : def.type();
        ColumnDef<?> changed = redeclare(newName, newType, opts);
        String source = t.source();
        if (a.type() != null && source != null) {
            source = "CAST(" + source + " AS " + impl.type(a.type()) + ")";
        }
        Map<String, Target> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Target> e : columns.entrySet()) {
            if (e.getKey().equals(column)) {
                copy.put(newName, new Target(changed, source));
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        columns.clear();
        columns.putAll(copy);
    }

    private static <T> ColumnDef<T> redeclare(String name, org.retort.types.SqlType<T> type, List<ColumnOption> opts) {
        return new ColumnDef<>(name, type, opts);
    }

    private static ColumnDef<?> withOptions(ColumnDef<?> def, List<ColumnOption> options) {
        return redeclare(def.name(), def.type(), options);
    }

    private static List<ColumnOption> plus(List<ColumnOption> options, ColumnOption more) {
        List<ColumnOption> out = new ArrayList<>(options);
        out.add(more);
        return out;
    }

    private static String nameOf(TableElement e) {
        return switch (e) {
            case UniqueConstraint u -> u.declaredName();
            case CheckConstraint c -> c.declaredName();
            case ForeignKeyConstraint f -> f.declaredName();
            case PrimaryKeyConstraint p -> p.declaredName();
            default -> null;
        };
    }

    private static boolean mentions(TableElement e, String column) {
        return switch (e) {
            case UniqueConstraint u -> u.columnNames().contains(column);
            case ForeignKeyConstraint f -> f.columnNames().contains(column);
            case PrimaryKeyConstraint p -> p.columnNames().contains(column);
            case CheckConstraint c -> c.sql().matches("(?is).*\\b" + java.util.regex.Pattern.quote(column) + "\\b.*");
            default -> false;
        };
    }

    private static TableElement renamed(TableElement e, String from, String to) {
        java.util.function.Function<List<String>, String[]> r =
                cols -> cols.stream().map(c -> c.equals(from) ? to : c).toArray(String[]::new);
        return switch (e) {
            case UniqueConstraint u -> named(Schema.uniqueConstraint(r.apply(u.columnNames())), u.declaredName());
            case PrimaryKeyConstraint p -> {
                PrimaryKeyConstraint n = Schema.primaryKeyConstraint(r.apply(p.columnNames()));
                yield p.declaredName() == null ? n : n.named(p.declaredName());
            }
            case ForeignKeyConstraint f -> {
                ForeignKeyConstraint n = Schema.foreignKeyConstraint(List.of(r.apply(f.columnNames())), f.targets());
                n = f.declaredName() == null ? n : n.named(f.declaredName());
                n = f.onDeleteAction() == null ? n : n.onDelete(f.onDeleteAction());
                yield f.onUpdateAction() == null ? n : n.onUpdate(f.onUpdateAction());
            }
            case Index ix -> {
                if (!ix.columnNames().contains(from)) {
                    yield ix;
                }
                Index n = Schema.index(ix.name(), r.apply(ix.columnNames()));
                yield ix.isUnique() ? n.unique() : n;
            }
            default -> e;
        };
    }

    private static UniqueConstraint named(UniqueConstraint u, String name) {
        return name == null ? u : u.named(name);
    }
}
