package org.retort.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.inspect.Inspector;
import org.retort.sql.SchemaTranslateMap;
import org.retort.types.EnumType;
import org.retort.types.SqlType;
import org.retort.types.TypeDecorator;
import org.retort.types.Variant;

/**
 * Runs createAll / dropAll: sequences and enum types, tables in foreign key order, comments, indexes, then the
 * foreign keys deferred to ALTER TABLE; the reverse for drops. On an engine: one connection, committed at the end;
 * on a caller's connection: no commit, the caller decides.
 */
final class DdlRunner {
    private DdlRunner() {
    }

    static void create(Engine engine, List<Table> tables, boolean checkFirst) {
        create(engine, tables, checkFirst, List.of());
    }

    static void drop(Engine engine, List<Table> tables, boolean checkFirst) {
        drop(engine, tables, checkFirst, List.of());
    }

    static void create(Engine engine, List<Table> tables, boolean checkFirst, List<Sequence> sequences) {
        try (Connection conn = engine.connect()) {
            create(conn, tables, checkFirst, sequences);
            conn.commit();
        }
    }

    static void create(Connection conn, List<Table> tables, boolean checkFirst, List<Sequence> sequences) {
        create(conn.dialect(), Inspector.of(conn), conn.getExecutionOptions().schemaTranslateMap(), tables, checkFirst,
                sequences, conn::execute);
    }

    /**
     * The DDL that creates the tables, in the order it runs, without a database (SQLAlchemy's mock engine):
     * every object is created, as with checkFirst off.
     */
    static List<String> createStatements(Dialect d, List<Table> tables, List<Sequence> sequences) {
        List<String> out = new ArrayList<>();
        create(d, null, SchemaTranslateMap.empty(), tables, false, sequences, e -> out.add(e.compile(d).sql()));
        return List.copyOf(out);
    }

    /** The DDL that drops the tables, in the order it runs, without a database: every object is dropped. */
    static List<String> dropStatements(Dialect d, List<Table> tables, List<Sequence> sequences) {
        List<String> out = new ArrayList<>();
        drop(d, null, SchemaTranslateMap.empty(), tables, false, sequences, e -> out.add(e.compile(d).sql()));
        return List.copyOf(out);
    }

    /**
     * Creates through {@code exec}; {@code insp} is consulted only when {@code checkFirst}, and may be null otherwise;
     * it looks in the schemas {@code schemas} translates to, where {@code exec} creates the objects.
     */
    private static void create(Dialect d, Inspector insp, SchemaTranslateMap schemas, List<Table> tables,
                               boolean checkFirst, List<Sequence> sequences,
                               java.util.function.Consumer<DdlElement> exec) {
        DdlCompiler ddl = d.ddlCompiler();
        TableSorter.Sorted sorted = TableSorter.sort(tables);
        List<Table> toCreate = new ArrayList<>();
        for (Table t : sorted.tables()) {
            if (!checkFirst || !insp.hasTable(t.name(), schemas.translate(t.schema()))) {
                toCreate.add(t);
            }
        }
        if (d.supportsSequences()) {
            for (Sequence s : sequences) {
                if (!checkFirst || !insp.hasSequence(s.name(), schemas.translate(s.schema()))) {
                    exec.accept(new CreateSequence(s));
                }
            }
        }
        for (Map.Entry<String, EnumType<?>> e : enumTypes(d, toCreate).entrySet()) {
            String schema = e.getKey().contains(".") ? e.getKey().substring(0, e.getKey().indexOf('.')) : null;
            if (!checkFirst || !insp.enumTypeNames(schemas.translate(schema)).contains(e.getValue().typeName())) {
                exec.accept(new CreateEnumType(e.getValue(), schema));
            }
        }
        Set<ForeignKeyConstraint> deferred = sorted.deferred();
        for (Table t : toCreate) {
            exec.accept(new CreateTable(t, false, deferred));
            if (ddl.commentStyle() == DdlCompiler.CommentStyle.COMMENT_ON) {
                if (t.comment() != null) {
                    exec.accept(new SetTableComment(t));
                }
                for (Column<?> c : t.schemaColumns()) {
                    if (c.comment() != null) {
                        exec.accept(new SetColumnComment(c));
                    }
                }
            }
            for (Index ix : t.indexes()) {
                exec.accept(new CreateIndex(ix));
            }
        }
        if (ddl.supportsAlterAddConstraint()) {
            for (ForeignKeyConstraint fk : deferred) {
                // added when either end is new and both ends now exist
                Table ref = fk.referredTable();
                Table own = fk.table();
                boolean isNew = toCreate.contains(own) || toCreate.contains(ref);
                boolean bothExist = (toCreate.contains(own)
                        || insp != null && insp.hasTable(own.name(), schemas.translate(own.schema())))
                        && (toCreate.contains(ref)
                        || insp != null && insp.hasTable(ref.name(), schemas.translate(ref.schema())));
                if (isNew && bothExist) {
                    exec.accept(new AddConstraint(fk));
                }
            }
        }
    }

    static void drop(Engine engine, List<Table> tables, boolean checkFirst, List<Sequence> sequences) {
        try (Connection conn = engine.connect()) {
            drop(conn, tables, checkFirst, sequences);
            conn.commit();
        }
    }

    static void drop(Connection conn, List<Table> tables, boolean checkFirst, List<Sequence> sequences) {
        drop(conn.dialect(), Inspector.of(conn), conn.getExecutionOptions().schemaTranslateMap(), tables, checkFirst,
                sequences, conn::execute);
    }

    /**
     * Drops through {@code exec}; {@code insp} is consulted only when {@code checkFirst}, and may be null otherwise;
     * it looks in the schemas {@code schemas} translates to.
     */
    private static void drop(Dialect d, Inspector insp, SchemaTranslateMap schemas, List<Table> tables,
                             boolean checkFirst, List<Sequence> sequences,
                             java.util.function.Consumer<DdlElement> exec) {
        TableSorter.Sorted sorted = TableSorter.sort(tables);
        List<Table> order = new ArrayList<>(sorted.tables());
        java.util.Collections.reverse(order);
        List<Table> toDrop = new ArrayList<>();
        for (Table t : order) {
            if (!checkFirst || insp.hasTable(t.name(), schemas.translate(t.schema()))) {
                toDrop.add(t);
            }
        }
        if (d.ddlCompiler().supportsAlterAddConstraint()) {
            for (ForeignKeyConstraint fk : sorted.deferred()) {
                Table own = fk.table();
                if (toDrop.contains(own) && toDrop.contains(fk.referredTable()) && (!checkFirst
                        || insp.foreignKeys(own.name(), schemas.translate(own.schema())).stream()
                                .anyMatch(r -> fk.name() == null || fk.name().equals(r.name())))) {
                    exec.accept(new DropConstraint(fk));
                }
            }
        }
        for (Table t : toDrop) {
            exec.accept(new DropTable(t));
        }
        for (Map.Entry<String, EnumType<?>> e : enumTypes(d, toDrop).entrySet()) {
            String schema = e.getKey().contains(".") ? e.getKey().substring(0, e.getKey().indexOf('.')) : null;
            if (!checkFirst || insp.enumTypeNames(schemas.translate(schema)).contains(e.getValue().typeName())) {
                exec.accept(new DropEnumType(e.getValue(), schema));
            }
        }
        if (d.supportsSequences()) {
            for (Sequence s : sequences) {
                if (!checkFirst || insp.hasSequence(s.name(), schemas.translate(s.schema()))) {
                    exec.accept(new DropSequence(s));
                }
            }
        }
    }

    /** The enum types the tables use that are separate schema objects on this dialect, by schema-qualified name. */
    private static Map<String, EnumType<?>> enumTypes(Dialect d, List<Table> tables) {
        Map<String, EnumType<?>> out = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Table t : tables) {
            for (Column<?> c : t.schemaColumns()) {
                SqlType<?> type = c.type();
                while (type instanceof Variant<?> || type instanceof TypeDecorator<?, ?>) {
                    type = type instanceof Variant<?> v ? v.forDialect(d) : ((TypeDecorator<?, ?>) type).impl(d);
                }
                if (type instanceof EnumType<?> e && d.typeCompiler().enumIsSchemaType(e)) {
                    String key = (t.schema() == null ? "" : t.schema() + ".") + e.typeName();
                    if (seen.add(key)) {
                        out.put(key, e);
                    }
                }
            }
        }
        return out;
    }
}
