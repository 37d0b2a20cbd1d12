package org.retort.inspect;

import java.util.ArrayList;
import java.util.List;
import org.retort.schema.ColumnOption;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.MetaData;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.types.IntegerType;
import org.retort.types.BigIntType;
import org.retort.types.SmallIntType;

/** Turns what an {@link Inspector} reads about one table into a {@link Table} declared in a MetaData. */
final class TableBuilder {
    private TableBuilder() {
    }

    static Table build(Inspector insp, MetaData md, String name, String schema) {
        List<ReflectedColumn> columns = insp.columns(name, schema);
        ReflectedPrimaryKey pk = insp.primaryKey(name, schema);
        List<TableElement> elements = new ArrayList<>();
        for (ReflectedColumn c : columns) {
            List<ColumnOption> opts = new ArrayList<>();
            boolean inPk = pk.columns().contains(c.name());
            if (!c.nullable() && !inPk) {
                opts.add(Schema.notNull());
            }
            if (c.nullable() && inPk) {
                opts.add(Schema.nullable());
            }
            if (c.identity() != null) {
                opts.add(c.identity());
            } else if (inPk && pk.columns().size() == 1 && isInteger(c)) {
                if (!c.autoincrement()) {
                    opts.add(Schema.noAutoincrement());
                }
            } else if (c.autoincrement()) {
                opts.add(Schema.autoincrement());
            }
            if (c.defaultSql() != null && !c.autoincrement() && c.computed() == null) {
                opts.add(Schema.serverDefault(c.defaultSql()));
            }
            if (c.computed() != null) {
                opts.add(c.computed());
            }
            if (c.comment() != null) {
                opts.add(Schema.comment(c.comment()));
            }
            elements.add(Schema.column(c.name(), c.type(), opts.toArray(ColumnOption[]::new)));
        }
        if (!pk.columns().isEmpty()) {
            var pkc = Schema.primaryKeyConstraint(pk.columns().toArray(String[]::new));
            elements.add(pk.name() == null ? pkc : pkc.named(pk.name()));
        }
        String defaultSchema = schema;
        for (ReflectedForeignKey fk : insp.foreignKeys(name, schema)) {
            String refSchema = fk.referredSchema() == null || fk.referredSchema().equals(defaultSchema)
                    ? null : fk.referredSchema();
            String prefix = (refSchema == null ? "" : refSchema + ".") + fk.referredTable() + ".";
            ForeignKeyConstraint f = Schema.foreignKeyConstraint(fk.columns(),
                    fk.referredColumns().stream().map(c -> prefix + c).toList());
            if (fk.name() != null) {
                f = f.named(fk.name());
            }
            if (fk.onDelete() != null) {
                f = f.onDelete(fk.onDelete());
            }
            if (fk.onUpdate() != null) {
                f = f.onUpdate(fk.onUpdate());
            }
            if (Boolean.TRUE.equals(fk.deferrable()) || fk.initially() != null) {
                f = f.deferrable(Boolean.TRUE.equals(fk.deferrable()), fk.initially());
            }
            elements.add(f);
        }
        for (ReflectedUnique u : insp.uniqueConstraints(name, schema)) {
            var uq = Schema.uniqueConstraint(u.columns().toArray(String[]::new));
            elements.add(u.name() == null ? uq : uq.named(u.name()));
        }
        for (ReflectedCheck ck : insp.checkConstraints(name, schema)) {
            var c = Schema.check(ck.sql());
            elements.add(ck.name() == null ? c : c.named(ck.name()));
        }
        for (ReflectedIndex ix : insp.indexes(name, schema)) {
            List<String> cols = new ArrayList<>();
            List<String> exprs = new ArrayList<>();
            for (int i = 0; i < ix.columns().size(); i++) {
                if (ix.columns().get(i) != null) {
                    cols.add(ix.columns().get(i));
                } else {
                    exprs.add(ix.expressions().get(i));
                }
            }
            Index index = Schema.index(ix.name(), cols.toArray(String[]::new));
            for (String e : exprs) {
                index = index.expression(e);
            }
            if (ix.unique()) {
                index = index.unique();
            }
            if (ix.where() != null) {
                index = index.where(ix.where());
            }
            for (var option : ix.dialectOptions().entrySet()) {
                index = index.dialectOption(option.getKey(), option.getValue());
            }
            elements.add(index);
        }
        String comment = insp.tableComment(name, schema);
        if (comment != null) {
            elements.add(Schema.comment(comment));
        }
        if (schema != null && !schema.equals(md.schema())) {
            elements.add(Schema.schema(schema));
        }
        return md.table(name, elements.toArray(TableElement[]::new));
    }

    private static boolean isInteger(ReflectedColumn c) {
        return c.type() instanceof IntegerType || c.type() instanceof BigIntType || c.type() instanceof SmallIntType;
    }
}
