package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import org.retort.schema.CheckConstraint;
import org.retort.schema.Column;
import org.retort.schema.ColumnDef;
import org.retort.schema.ColumnOption;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.PrimaryKeyConstraint;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.schema.UniqueConstraint;

/**
 * Turns a bound {@link Table} back into the declarations that make it, so it can be declared again, changed, in
 * another MetaData (batch rebuilds) or printed as Java (autogenerate, codegen). Constraint names the naming
 * convention made become explicit names, so the copy keeps them under any convention.
 */
public final class Definitions {
    private Definitions() {
    }

    /**
     * The column as a declaration: type, nullability, autoincrement, server default, identity, computed, comment.
     * Keys, foreign keys and uniqueness are left to the table's constraints.
     *
     * @param c the column
     * @return the declaration
     */
    public static ColumnDef<?> column(Column<?> c) {
        return Schema.column(c.name(), c.type(), options(c).toArray(ColumnOption[]::new));
    }

    /**
     * {@return its options as {@link #column(Column)} declares them}
     *
     * @param c the column
     */
    public static List<ColumnOption> options(Column<?> c) {
        List<ColumnOption> opts = new ArrayList<>();
        boolean inPk = c.isPrimaryKey();
        if (!c.isNullable() && !inPk && c.identity() == null) {
            opts.add(Schema.notNull());
        }
        if (c.isNullable() && inPk) {
            opts.add(Schema.nullable());
        }
        if (c.identity() != null) {
            opts.add(c.identity());
        } else if (c.isAutoincrement() && !(inPk && c.table().primaryKey().columnNames().size() == 1)) {
            opts.add(Schema.autoincrement());
        } else if (!c.isAutoincrement() && inPk && c.table().primaryKey().columnNames().size() == 1) {
            opts.add(Schema.noAutoincrement());
        }
        if (c.serverDefault() != null) {
            opts.add(c.serverDefault());
        }
        if (c.computed() != null) {
            opts.add(c.computed());
        }
        if (c.comment() != null) {
            opts.add(Schema.comment(c.comment()));
        }
        return opts;
    }

    /**
     * Every element of the table: columns, then the primary key, foreign keys, unique and check constraints,
     * indexes and the comment.
     *
     * @param t the table
     * @return the elements
     */
    public static List<TableElement> elements(Table t) {
        List<TableElement> out = new ArrayList<>();
        for (Column<?> c : t.schemaColumns()) {
            out.add(column(c));
        }
        out.addAll(constraints(t));
        out.addAll(indexes(t));
        if (t.comment() != null) {
            out.add(Schema.comment(t.comment()));
        }
        return out;
    }

    /**
     * {@return its constraints as unbound declarations, names kept}
     *
     * @param t the table
     */
    public static List<TableElement> constraints(Table t) {
        List<TableElement> out = new ArrayList<>();
        PrimaryKeyConstraint pk = t.primaryKey();
        if (!pk.columnNames().isEmpty()) {
            PrimaryKeyConstraint p = Schema.primaryKeyConstraint(pk.columnNames().toArray(String[]::new));
            out.add(pk.name() == null ? p : p.named(pk.name()));
        }
        for (ForeignKeyConstraint fk : t.foreignKeys()) {
            out.add(foreignKey(fk));
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            UniqueConstraint d = Schema.uniqueConstraint(u.columnNames().toArray(String[]::new));
            out.add(u.name() == null ? d : d.named(u.name()));
        }
        for (CheckConstraint ck : t.checkConstraints()) {
            CheckConstraint d = Schema.check(ck.sql());
            out.add(ck.name() == null ? d : d.named(ck.name()));
        }
        return out;
    }

    /**
     * {@return it as an unbound declaration with the same name and options}
     *
     * @param fk a bound foreign key
     */
    public static ForeignKeyConstraint foreignKey(ForeignKeyConstraint fk) {
        ForeignKeyConstraint f = Schema.foreignKeyConstraint(fk.columnNames(), fk.targets());
        if (fk.name() != null) {
            f = f.named(fk.name());
        }
        if (fk.onDeleteAction() != null) {
            f = f.onDelete(fk.onDeleteAction());
        }
        if (fk.onUpdateAction() != null) {
            f = f.onUpdate(fk.onUpdateAction());
        }
        if (fk.isDeferrable() != null || fk.initially() != null) {
            f = f.deferrable(Boolean.TRUE.equals(fk.isDeferrable()), fk.initially());
        }
        return f;
    }

    /**
     * {@return its indexes as unbound declarations, names kept}
     *
     * @param t the table
     */
    public static List<TableElement> indexes(Table t) {
        List<TableElement> out = new ArrayList<>();
        for (Index ix : t.indexes()) {
            out.add(index(ix));
        }
        return out;
    }

    /**
     * {@return it as an unbound declaration with the same name}
     *
     * @param ix a bound index
     */
    public static Index index(Index ix) {
        Index d = Schema.index(ix.name());
        for (Index.Element e : ix.elements()) {
            d = e.column() != null ? withColumn(d, e.column()) : d.expression(e.expression());
        }
        if (ix.isUnique()) {
            d = d.unique();
        }
        if (ix.whereClause() != null) {
            d = d.where(ix.whereClause());
        }
        for (var o : ix.dialectOptions().entrySet()) {
            d = d.dialectOption(o.getKey(), o.getValue());
        }
        return d;
    }

    private static Index withColumn(Index ix, String column) {
        List<String> cols = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (Index.Element e : ix.elements()) {
            if (e.column() != null) {
                cols.add(e.column());
            } else {
                exprs.add(e.expression());
            }
        }
        if (!exprs.isEmpty()) {
            // columns after expressions keep their place as quoted expressions
            return ix.expression(column);
        }
        cols.add(column);
        return Schema.index(ix.name(), cols.toArray(String[]::new));
    }
}
