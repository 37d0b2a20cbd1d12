package org.retort.migrate.autogenerate;

import static org.retort.migrate.autogenerate.Autogenerate.key;
import static org.retort.migrate.autogenerate.Autogenerate.lowerNames;
import static org.retort.migrate.autogenerate.Autogenerate.normSql;
import static org.retort.migrate.autogenerate.Autogenerate.sameDefault;

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
import org.retort.migrate.AlterColumn;
import org.retort.migrate.internal.Definitions;
import org.retort.migrate.internal.JavaRenderer;
import org.retort.schema.CheckConstraint;
import org.retort.schema.Column;
import org.retort.schema.DdlCompiler;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.Schema;
import org.retort.schema.Table;
import org.retort.schema.UniqueConstraint;
import org.retort.types.EnumType;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * Compares one table the model and the database both have: columns (type, nullability, server default, identity,
 * comment, enum values), indexes, unique, check and foreign key constraints, and the table comment. Changes to
 * foreign keys go to their own lists, so that new tables exist before keys point at them.
 */
final class TableComparison {
    private final Connection conn;
    private final Dialect dialect;
    private final AutogenerateOptions options;
    private final Table model;
    private final Table db;
    private final String name;
    private final List<SchemaChange> out;
    private final List<SchemaChange> fkAdded;
    private final List<SchemaChange> fkDropped;

    TableComparison(Connection conn, AutogenerateOptions options, Table model, Table db, List<SchemaChange> out,
                    List<SchemaChange> fkAdded, List<SchemaChange> fkDropped) {
        this.conn = conn;
        this.dialect = conn.dialect();
        this.options = options;
        this.model = model;
        this.db = db;
        this.name = JavaRenderer.qualified(model);
        this.out = out;
        this.fkAdded = fkAdded;
        this.fkDropped = fkDropped;
    }

    void run() {
        Map<String, Column<?>> dbCols = new LinkedHashMap<>();
        for (Column<?> c : db.schemaColumns()) {
            dbCols.put(key(c.name()), c);
        }
        Map<String, Column<?>> modelCols = new LinkedHashMap<>();
        for (Column<?> c : model.schemaColumns()) {
            modelCols.put(key(c.name()), c);
        }
        List<SchemaChange> dropsLast = new ArrayList<>();
        for (Column<?> m : model.schemaColumns()) {
            Column<?> r = dbCols.get(key(m.name()));
            if (r == null) {
                out.add(new SchemaChange.AddColumn(name, Definitions.column(m)));
            } else {
                compareColumn(m, r);
                compareEnum(m, r);
            }
        }
        for (Column<?> r : db.schemaColumns()) {
            if (!modelCols.containsKey(key(r.name()))) {
                dropsLast.add(new SchemaChange.DropColumn(name, Definitions.column(r)));
            }
        }
        compareIndexes();
        compareUniques();
        compareChecks();
        compareForeignKeys();
        if (dialect.ddlCompiler().commentStyle() != DdlCompiler.CommentStyle.NONE
                && !Objects.equals(blank(model.comment()), blank(db.comment()))) {
            out.add(new SchemaChange.TableComment(name, blank(model.comment()), blank(db.comment())));
        }
        out.addAll(dropsLast);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private void compareColumn(Column<?> m, Column<?> r) {
        AlterColumn up = AlterColumn.change();
        AlterColumn down = AlterColumn.change();
        List<String> what = new ArrayList<>();
        boolean enumColumn = unwrap(m.type()) instanceof EnumType<?>;
        if (options.compareType() && !enumColumn && !sameType(m.type(), r.type())) {
            up = up.type(m.type());
            down = down.type(r.type());
            what.add("type");
        }
        if (m.isNullable() != r.isNullable()) {
            up = up.nullable(m.isNullable());
            down = down.nullable(r.isNullable());
            what.add("nullability");
        }
        String md = m.serverDefault() == null ? null : m.serverDefault().sql();
        String rd = r.serverDefault() == null ? null : r.serverDefault().sql();
        if (options.compareServerDefault() && m.computed() == null && m.identity() == null
                && !m.isAutoincrement() && !sameDefault(md, rd)) {
            up = md == null ? up.dropServerDefault() : up.serverDefault(md);
            down = rd == null ? down.dropServerDefault() : down.serverDefault(rd);
            what.add("server default");
        }
        if (reportsIdentity()) {
            org.retort.schema.Identity mi = m.identity();
            org.retort.schema.Identity ri = r.identity();
            if (mi != null && ri == null) {
                up = up.identity(mi);
                down = down.dropIdentity();
                what.add("identity");
            } else if (mi == null && ri != null && !m.isAutoincrement()) {
                up = up.dropIdentity();
                down = down.identity(ri);
                what.add("identity");
            }
        }
        if (dialect.ddlCompiler().commentStyle() != DdlCompiler.CommentStyle.NONE
                && !Objects.equals(blank(m.comment()), blank(r.comment()))) {
            up = m.comment() == null ? up.dropComment() : up.comment(m.comment());
            down = blank(r.comment()) == null ? down.dropComment() : down.comment(r.comment());
            what.add("comment");
        }
        if (what.isEmpty()) {
            return;
        }
        if (!(r.type() instanceof NullType)) {
            up = up.existingType(r.type());
        }
        up = up.existingNullable(r.isNullable());
        if (rd != null) {
            up = up.existingServerDefault(rd);
        }
        if (blank(r.comment()) != null) {
            up = up.existingComment(r.comment());
        }
        down = down.existingType(m.type()).existingNullable(m.isNullable());
        if (md != null) {
            down = down.existingServerDefault(md);
        }
        if (m.comment() != null) {
            down = down.existingComment(m.comment());
        }
        out.add(new SchemaChange.AlterColumnChange(name, m.name(), up, down, String.join(", ", what)));
    }

    /** Whether reflection on this database tells an IDENTITY column from other generated keys. */
    private boolean reportsIdentity() {
        return dialect.name().equals("postgresql") || dialect.name().equals("h2");
    }

    private SqlType<?> unwrap(SqlType<?> type) {
        while (type instanceof org.retort.types.Variant<?> || type instanceof org.retort.types.TypeDecorator<?, ?>) {
            type = type instanceof org.retort.types.Variant<?> v ? v.forDialect(dialect)
                    : ((org.retort.types.TypeDecorator<?, ?>) type).impl(dialect);
        }
        return type;
    }

    private String lit(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    private String inList(String column, List<String> values) {
        return dialect.quote(column) + " IN (" + String.join(", ", values.stream().map(this::lit).toList()) + ")";
    }

    private static String str(String s) {
        return JavaRenderer.str(s);
    }

    private static int longest(List<String> values) {
        return values.stream().mapToInt(String::length).max().orElse(1);
    }

    private void compareEnum(Column<?> m, Column<?> r) {
        if (!(unwrap(m.type()) instanceof EnumType<?> e)) {
            return;
        }
        List<String> want = e.values();
        String col = m.name();
        if (dialect.typeCompiler().enumIsSchemaType(e)) {
            List<String> have = org.retort.migrate.internal.EnumValues.postgresqlType(conn, e.typeName(),
                    options.schema());
            if (have.isEmpty() || have.equals(want)) {
                return;
            }
            StringBuilder up = new StringBuilder();
            for (String v : want) {
                if (!have.contains(v)) {
                    up.append("op.execute(").append(str("ALTER TYPE " + dialect.quote(e.typeName()) + " ADD VALUE "
                            + lit(v))).append(");\n");
                }
            }
            for (String v : have) {
                if (!want.contains(v)) {
                    up.append("// PostgreSQL cannot drop value ").append(v).append(" from enum type ")
                            .append(e.typeName()).append(": recreate the type by hand if it must go\n");
                }
            }
            String down = "// PostgreSQL cannot drop values from enum type " + e.typeName() + ": it keeps " + want;
            out.add(new SchemaChange.EnumChange(name, col, have, want, up.toString().strip(), down, null, null));
        } else if (!dialect.typeCompiler().enumNeedsCheck(e)) {
            List<String> have = org.retort.migrate.internal.EnumValues.inline(conn, db.name(), r.name());
            if (have.isEmpty() || have.equals(want)) {
                return;
            }
            String rd = r.serverDefault() == null ? null : r.serverDefault().sql();
            AlterColumn back = AlterColumn.change().type(new EnumSpelling(have)).existingNullable(r.isNullable());
            if (rd != null) {
                back = back.existingServerDefault(rd);
            }
            org.retort.migrate.internal.DdlImpl impl = org.retort.migrate.internal.DdlImpl.of(dialect);
            StringBuilder down = new StringBuilder();
            for (String sql : impl.alterColumn(db.schema(), db.name(), col, back)) {
                down.append("op.execute(").append(str(sql)).append(");\n");
            }
            String up = "op.alterColumn(" + str(name) + ", " + str(col) + ", AlterColumn.change().type("
                    + JavaRenderer.type(e) + ")\n        .existingNullable(" + r.isNullable() + ")"
                    + (rd == null ? "" : ".existingServerDefault(" + str(rd) + ")") + ");";
            out.add(new SchemaChange.EnumChange(name, col, have, want, up, down.toString().strip(), null, null));
        } else {
            CheckConstraint found = null;
            for (CheckConstraint ck : db.checkConstraints()) {
                String n = normSql(ck.sql());
                if (n.startsWith(key(col) + "in") || n.startsWith(key(col) + "=any")) {
                    found = ck;
                }
            }
            if (found == null) {
                return;
            }
            List<String> have = org.retort.migrate.internal.EnumValues.quoted(found.sql());
            if (have.equals(want)) {
                return;
            }
            String oldCond = inList(col, have);
            String newCond = inList(col, want);
            String widen = longest(have) == e.length() ? "" : "AlterColumn.change().type(VARCHAR(" + e.length()
                    + "))";
            String narrow = longest(have) == e.length() ? "" : "AlterColumn.change().type(VARCHAR("
                    + longest(have) + "))";
            if (found.name() != null) {
                String ck = str(found.name());
                String up = "op.dropConstraint(" + ck + ", " + str(name) + ", ConstraintKind.CHECK);\n"
                        + (widen.isEmpty() ? "" : "op.alterColumn(" + str(name) + ", " + str(col) + ", " + widen
                                + ");\n")
                        + "op.createCheckConstraint(" + ck + ", " + str(name) + ", " + str(newCond) + ");";
                String down = "op.dropConstraint(" + ck + ", " + str(name) + ", ConstraintKind.CHECK);\n"
                        + (narrow.isEmpty() ? "" : "op.alterColumn(" + str(name) + ", " + str(col) + ", " + narrow
                                + ");\n")
                        + "op.createCheckConstraint(" + ck + ", " + str(name) + ", " + str(oldCond) + ");";
                out.add(new SchemaChange.EnumChange(name, col, have, want, up, down, null, null));
            } else {
                String upB = ".dropCheckConstraint(" + str(found.sql()) + ")"
                        + (widen.isEmpty() ? "" : "\n.alterColumn(" + str(col) + ", " + widen + ")")
                        + "\n.createCheckConstraint(null, " + str(newCond) + ")";
                String downB = ".dropCheckConstraint(" + str(newCond) + ")"
                        + (narrow.isEmpty() ? "" : "\n.alterColumn(" + str(col) + ", " + narrow + ")")
                        + "\n.createCheckConstraint(null, " + str(oldCond) + ")";
                String up = "op.batchAlterTable(" + str(name) + ", batch -> batch\n        "
                        + upB.replace("\n", "\n        ") + ");";
                String down = "op.batchAlterTable(" + str(name) + ", batch -> batch\n        "
                        + downB.replace("\n", "\n        ") + ");";
                out.add(new SchemaChange.EnumChange(name, col, have, want, up, down, upB, downB));
            }
        }
    }

    private boolean sameType(SqlType<?> model, SqlType<?> reflected) {
        if (reflected instanceof NullType) {
            return true;
        }
        try {
            return normType(dialect.typeCompiler().render(model)).equals(normType(dialect.typeCompiler()
                    .render(reflected)));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String normType(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private Set<String> foreignKeyNames() {
        Set<String> out = new TreeSet<>();
        for (ForeignKeyConstraint fk : db.foreignKeys()) {
            if (fk.name() != null) {
                out.add(key(fk.name()));
            }
        }
        return out;
    }

    private void compareIndexes() {
        Map<String, Index> dbIx = new LinkedHashMap<>();
        Set<String> fkNames = foreignKeyNames();
        for (Index ix : db.indexes()) {
            if (!fkNames.contains(key(ix.name()))) {
                dbIx.put(key(ix.name()), ix);
            }
        }
        Map<String, Index> modelIx = new LinkedHashMap<>();
        for (Index ix : model.indexes()) {
            modelIx.put(key(ix.name()), ix);
        }
        for (UniqueConstraint u : uniqueIndexesSeenAsConstraints()) {
            dbIx.put(key(u.name()), Schema.index(u.name(), u.columnNames().toArray(String[]::new)).unique());
        }
        for (Index r : dbIx.values()) {
            Index m = modelIx.get(key(r.name()));
            if (m == null || !sameIndex(m, r)) {
                out.add(new SchemaChange.DropIndex(name, Definitions.index(r)));
            }
        }
        for (Index m : modelIx.values()) {
            Index r = dbIx.get(key(m.name()));
            if (r == null || !sameIndex(m, r)) {
                out.add(new SchemaChange.AddIndex(name, Definitions.index(m)));
            }
        }
    }

    private static boolean sameIndex(Index a, Index b) {
        return a.isUnique() == b.isUnique() && a.columnNames().stream().map(Autogenerate::key).toList()
                .equals(b.columnNames().stream().map(Autogenerate::key).toList());
    }

    /**
     * MySQL and MariaDB keep no difference between a unique index and a unique constraint, and reflection
     * reports both as constraints: those named like one of the model's indexes are compared as that index.
     */
    private List<UniqueConstraint> uniqueIndexesSeenAsConstraints() {
        if (!dialect.name().equals("mysql") && !dialect.name().equals("mariadb")) {
            return List.of();
        }
        Set<String> indexNames = new TreeSet<>();
        for (Index ix : model.indexes()) {
            indexNames.add(key(ix.name()));
        }
        return db.uniqueConstraints().stream().filter(u -> u.name() != null && indexNames.contains(key(u.name())))
                .toList();
    }

    private void compareUniques() {
        Map<List<String>, UniqueConstraint> dbU = new LinkedHashMap<>();
        List<UniqueConstraint> asIndexes = uniqueIndexesSeenAsConstraints();
        for (UniqueConstraint u : db.uniqueConstraints()) {
            if (!asIndexes.contains(u)) {
                dbU.put(lowerNames(u.columnNames()), u);
            }
        }
        Map<List<String>, UniqueConstraint> modelU = new LinkedHashMap<>();
        for (UniqueConstraint u : model.uniqueConstraints()) {
            modelU.put(lowerNames(u.columnNames()), u);
        }
        for (var e : dbU.entrySet()) {
            if (!modelU.containsKey(e.getKey())) {
                UniqueConstraint u = e.getValue();
                if (u.name() == null) {
                    out.add(new SchemaChange.Hint("table " + name + " has an unnamed unique constraint on "
                            + u.columnNames() + " the model lacks; only a rebuild can drop it"));
                } else {
                    out.add(new SchemaChange.DropConstraint(name, Schema.uniqueConstraint(
                            u.columnNames().toArray(String[]::new)).named(u.name())));
                }
            }
        }
        for (var e : modelU.entrySet()) {
            if (!dbU.containsKey(e.getKey())) {
                UniqueConstraint u = e.getValue();
                String n = u.name() != null ? u.name() : "uq_" + model.name() + "_" + String.join("_", u.columnNames());
                out.add(new SchemaChange.AddConstraint(name, Schema.uniqueConstraint(
                        u.columnNames().toArray(String[]::new)).named(n)));
            }
        }
    }

    private boolean isEnumCheck(CheckConstraint ck) {
        String sql = normSql(ck.sql());
        for (Column<?> c : model.schemaColumns()) {
            if (unwrap(c.type()) instanceof EnumType<?> && (sql.startsWith(key(c.name()) + "in")
                    || sql.startsWith(key(c.name()) + "=any"))) {
                return true;
            }
        }
        return false;
    }

    private void compareChecks() {
        List<CheckConstraint> dbChecks = new ArrayList<>();
        for (CheckConstraint c : db.checkConstraints()) {
            if (!isEnumCheck(c)) {
                dbChecks.add(c);
            }
        }
        List<CheckConstraint> unmatched = new ArrayList<>(dbChecks);
        List<SchemaChange> added = new ArrayList<>();
        int n = 0;
        for (CheckConstraint m : model.checkConstraints()) {
            n++;
            CheckConstraint match = null;
            for (CheckConstraint r : unmatched) {
                boolean sameName = m.name() != null && r.name() != null && key(m.name()).equals(key(r.name()));
                boolean sameSql = normSql(m.sql()).equals(normSql(r.sql()));
                if (sameSql && (m.name() == null || r.name() == null || sameName)) {
                    match = r;
                    break;
                }
            }
            if (match != null) {
                unmatched.remove(match);
            } else {
                String cn = m.name() != null ? m.name() : "ck_" + model.name() + "_" + n;
                added.add(new SchemaChange.AddConstraint(name, Schema.check(m.sql()).named(cn)));
            }
        }
        // a changed condition under the same name is dropped before it is added again
        for (CheckConstraint r : unmatched) {
            if (r.name() == null) {
                out.add(new SchemaChange.Hint("table " + name + " has an unnamed check constraint (" + r.sql()
                        + ") the model lacks; only a rebuild can drop it"));
            } else {
                out.add(new SchemaChange.DropConstraint(name, Schema.check(r.sql()).named(r.name())));
            }
        }
        out.addAll(added);
    }

    private void compareForeignKeys() {
        Map<String, ForeignKeyConstraint> dbF = new LinkedHashMap<>();
        for (ForeignKeyConstraint f : db.foreignKeys()) {
            dbF.put(signature(f), f);
        }
        Map<String, ForeignKeyConstraint> modelF = new LinkedHashMap<>();
        for (ForeignKeyConstraint f : model.foreignKeys()) {
            modelF.put(signature(f), f);
        }
        for (var e : dbF.entrySet()) {
            if (!modelF.containsKey(e.getKey())) {
                ForeignKeyConstraint f = e.getValue();
                if (f.name() == null) {
                    out.add(new SchemaChange.Hint("table " + name + " has an unnamed foreign key " + f.columnNames()
                            + " the model lacks; only a rebuild can drop it"));
                } else {
                    fkDropped.add(new SchemaChange.DropConstraint(name, Definitions.foreignKey(f)));
                }
            }
        }
        for (var e : modelF.entrySet()) {
            if (!dbF.containsKey(e.getKey())) {
                ForeignKeyConstraint f = Definitions.foreignKey(e.getValue());
                if (f.declaredName() == null) {
                    f = f.named("fk_" + model.name() + "_" + String.join("_", f.columnNames()));
                }
                fkAdded.add(new SchemaChange.AddConstraint(name, f));
            }
        }
    }

    private static String signature(ForeignKeyConstraint f) {
        return lowerNames(f.columnNames()) + "->" + key(f.referredTableName()) + f.referredColumnNames().stream()
                .map(Autogenerate::key).toList() + " d:" + action(f.onDeleteAction()) + " u:"
                + action(f.onUpdateAction());
    }

    private static String action(String a) {
        if (a == null) {
            return "";
        }
        String up = a.trim().toUpperCase(Locale.ROOT);
        return up.equals("NO ACTION") || up.equals("RESTRICT") ? "" : up;
    }

/** An enum spelled by its values alone, for rendering the SQL that puts an inline ENUM back. */
private record EnumSpelling(List<String> values) implements org.retort.types.UserDefinedType<String> {
    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String name() {
        return "ENUM";
    }

    @Override
    public String columnSpec(Dialect dialect) {
        return "ENUM(" + String.join(", ", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")";
    }
}
}
