package org.retort.migrate.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.engine.Engine;
import org.retort.migrate.MigrationException;
import org.retort.migrate.internal.Definitions;
import org.retort.migrate.internal.JavaRenderer;
import org.retort.schema.Column;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.types.LargeBinaryType;
import org.retort.types.NumericType;
import org.retort.types.StringType;

/**
 * Writes Java sources for an existing schema (jOOQ's code generator, SQLAlchemy's {@code sqlacodegen}), from a
 * live database on any dialect or from a {@link MetaData}:
 *
 * <ul>
 *   <li>one schema class ({@link CodegenOptions#className()}) with the {@code MetaData} and a typed handle per
 *       table, whose fields are the table and its typed columns:
 *       {@code select(Db.ALBUM.title).where(Db.ALBUM.artistId.eq(1))};</li>
 *   <li>with {@link CodegenOptions#entities()}, one {@code @Entity} class per table (fields with
 *       {@code @MappedColumn}: name, key, nullability, length, precision, foreign key) in {@code <package>.entity},
 *       and a {@code @Relationship} pair per foreign key (a reference and its mirror collection).</li>
 * </ul>
 *
 * <p>The schema class declares every table exactly as reflected (types, keys, constraint and index names,
 * defaults, comments), so autogenerate finds no difference between it and the database it came from.
 */
public final class CodeGenerator {
    private CodeGenerator() {
    }

    /**
     * Reflects a schema of a live database.
     *
     * @param engine the database
     * @param schema the schema, or null for the default one
     * @param versionTable a table to leave out (the migrations' version table), or null
     * @return the tables, as a MetaData
     */
    public static MetaData reflect(Engine engine, String schema, String versionTable) {
        MetaData md = new MetaData();
        md.reflect(engine, schema);
        if (versionTable != null) {
            for (Table t : md.tables()) {
                if (t.name().equalsIgnoreCase(versionTable)) {
                    md.remove(t);
                }
            }
        }
        return md;
    }

    /**
     * Writes the sources under a source root ({@code <root>/<package path>/...}).
     *
     * @param metadata the schema
     * @param options names and what to write
     * @param sourceRoot the source root, e.g. {@code src/main/java}
     * @return the files written
     */
    public static List<Path> write(MetaData metadata, CodegenOptions options, Path sourceRoot) {
        List<Path> out = new ArrayList<>();
        Path dir = sourceRoot.resolve(options.javaPackage().replace('.', '/'));
        out.add(writeFile(dir.resolve(options.className() + ".java"), schemaClass(metadata, options)));
        if (options.entities()) {
            String pkg = options.javaPackage().isEmpty() ? "entity" : options.javaPackage() + ".entity";
            Path entityDir = sourceRoot.resolve(pkg.replace('.', '/'));
            Set<String> used = new HashSet<>();
            Map<Table, String> classes = new LinkedHashMap<>();
            for (Table t : metadata.sortedTables()) {
                classes.put(t, unique(JavaNames.type(t.name()), used));
            }
            Map<Table, List<String>> relationships = relationships(classes);
            for (Map.Entry<Table, String> e : classes.entrySet()) {
                out.add(writeFile(entityDir.resolve(e.getValue() + ".java"),
                        entityClass(e.getKey(), pkg, e.getValue(), relationships.getOrDefault(e.getKey(), List.of()))));
            }
        }
        return out;
    }

    private static Path writeFile(Path file, String source) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + i;
        }
        return n;
    }

    /**
     * The schema class's source.
     *
     * @param metadata the schema
     * @param options names
     * @return Java source
     */
    public static String schemaClass(MetaData metadata, CodegenOptions options) {
        StringBuilder sb = new StringBuilder();
        if (!options.javaPackage().isEmpty()) {
            sb.append("package ").append(options.javaPackage()).append(";\n\n");
        }
        sb.append("import static org.retort.schema.Schema.*;\nimport static org.retort.types.Types.*;\n\n")
                .append("import org.retort.schema.Column;\nimport org.retort.schema.MetaData;\n")
                .append("import org.retort.schema.Table;\n\n");
        sb.append("/** The tables of the database, generated by retort-migrate codegen. */\n")
                .append("public final class ").append(options.className()).append(" {\n")
                .append("    /** Every table below, declared parents first. */\n")
                .append("    public static final MetaData METADATA = new MetaData();\n\n");
        Set<String> usedConstants = new HashSet<>(Set.of("METADATA"));
        Set<String> usedTypes = new HashSet<>(Set.of(options.className(), "Column", "MetaData", "Table"));
        List<Table> tables = metadata.sortedTables();
        List<String> handles = new ArrayList<>();
        for (Table t : tables) {
            String constant = unique(JavaNames.constant(t.name()), usedConstants);
            String type = unique(JavaNames.type(t.name()) + "Table", usedTypes);
            handles.add(type);
            sb.append("    /** Table {@code ").append(JavaRenderer.qualified(t).replace("*/", "* /")).append("}. */\n")
                    .append("    public static final ").append(type).append(' ').append(constant).append(" = new ")
                    .append(type).append("();\n");
        }
        sb.append("\n    private ").append(options.className()).append("() {\n    }\n");
        for (int i = 0; i < tables.size(); i++) {
            sb.append('\n').append(tableClass(tables.get(i), handles.get(i)));
        }
        return sb.append("}\n").toString();
    }

    private static String tableClass(Table t, String type) {
        StringBuilder sb = new StringBuilder();
        sb.append("    /** Table {@code ").append(t.name().replace("*/", "* /")).append("} and its typed columns. */\n")
                .append("    public static final class ").append(type).append(" {\n")
                .append("        /** The table. */\n")
                .append("        public final Table table = METADATA.table(").append(JavaRenderer.str(t.name()));
        List<TableElement> elements = new ArrayList<>(Definitions.elements(t));
        if (t.schema() != null) {
            elements.add(org.retort.schema.Schema.schema(t.schema()));
        }
        for (TableElement e : elements) {
            String js = e instanceof org.retort.schema.SchemaName s ? "schema(" + JavaRenderer.str(s.name()) + ")"
                    : JavaRenderer.element(e);
            sb.append(",\n                ").append(js);
        }
        sb.append(");\n");
        Set<String> used = new HashSet<>(Set.of("table"));
        for (Column<?> c : t.schemaColumns()) {
            String javaType = JavaNames.javaType(c.type().javaType());
            String field = unique(JavaNames.field(c.name()), used);
            sb.append("        /** Column {@code ").append(c.name().replace("*/", "* /")).append("}. */\n")
                    .append("        public final Column<").append(javaType).append("> ").append(field)
                    .append(" = table.c(").append(JavaRenderer.str(c.name())).append(", ").append(javaType)
                    .append(".class);\n");
        }
        sb.append("\n        private ").append(type).append("() {\n        }\n    }\n");
        return sb.toString();
    }

    /**
     * One {@code @Entity} class's source.
     *
     * @param t the table
     * @param pkg the package
     * @param cls the class name
     * @return Java source
     */
    public static String entityClass(Table t, String pkg, String cls) {
        return entityClass(t, pkg, cls, List.of());
    }

    /**
     * The field names the entity class of a table gives its columns, by column name.
     *
     * @param t the table
     * @return column name to field name, in column order
     */
    static Map<String, String> fieldNames(Table t) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Column<?> c : t.schemaColumns()) {
            out.put(c.name(), unique(JavaNames.field(c.name()), used));
        }
        return out;
    }

    /**
     * The relationship fields of every entity class, from the foreign keys between the tables (as SQLAlchemy's
     * automap names them): on the referring class a reference named after its foreign key column without its
     * {@code _id} ({@code artist_id} gives {@code artist}), on the referred class a list named
     * {@code <referring class>Collection}, the two back-populating each other; several foreign keys between the
     * same two tables name the one each pair uses.
     *
     * @param classes the class name of each table written
     * @return Java declarations of relationship fields, per table
     */
    static Map<Table, List<String>> relationships(Map<Table, String> classes) {
        Map<Table, List<String>> out = new LinkedHashMap<>();
        Map<Table, Set<String>> used = new LinkedHashMap<>();
        for (Table t : classes.keySet()) {
            used.put(t, new HashSet<>(fieldNames(t).values()));
        }
        for (Table t : classes.keySet()) {
            Map<String, String> fields = fieldNames(t);
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                Table r = fk.referredTable();
                if (!classes.containsKey(r)) {
                    continue;
                }
                long between = t.foreignKeys().stream().filter(o -> o.referredTable() == r).count();
                List<String> fkFields = fk.columnNames().stream().map(fields::get).toList();
                String refBase = fkFields.size() == 1 && fkFields.get(0).endsWith("Id") && fkFields.get(0).length() > 2
                        ? fkFields.get(0).substring(0, fkFields.get(0).length() - 2)
                        : JavaNames.field(r.name()) + (fkFields.size() == 1 ? "Ref" : "");
                String ref = unique(refBase, used.get(t));
                String collBase = JavaNames.field(t.name()) + "Collection"
                        + (between > 1 ? "By" + Character.toUpperCase(ref.charAt(0)) + ref.substring(1) : "");
                String coll = unique(collBase, used.get(r));
                String keys = between > 1 || t == r ? ", foreignKeys = {" + String.join(", ",
                        fkFields.stream().map(JavaRenderer::str).toList()) + "}" : "";
                out.computeIfAbsent(t, k -> new ArrayList<>()).add("    @Relationship(backPopulates = "
                        + JavaRenderer.str(coll) + keys + ")\n    public " + classes.get(r) + " " + ref + ";\n\n");
                out.computeIfAbsent(r, k -> new ArrayList<>()).add("    @Relationship(backPopulates = "
                        + JavaRenderer.str(ref) + keys + ")\n    public java.util.List<" + classes.get(t) + "> " + coll
                        + " = new java.util.ArrayList<>();\n\n");
            }
        }
        return out;
    }

    /**
     * One {@code @Entity} class's source, with relationship fields.
     *
     * @param t the table
     * @param pkg the package
     * @param cls the class name
     * @param relationships declarations of its relationship fields
     * @return Java source
     */
    public static String entityClass(Table t, String pkg, String cls, List<String> relationships) {
        StringBuilder sb = new StringBuilder("package ").append(pkg).append(";\n\n")
                .append("import org.retort.orm.annotation.Entity;\nimport org.retort.orm.annotation.MappedColumn;\n")
                .append(relationships.isEmpty() ? "" : "import org.retort.orm.annotation.Relationship;\n")
                .append("\n")
                .append("/** A row of table {@code ").append(t.name().replace("*/", "* /"))
                .append("}, generated by retort-migrate codegen. */\n")
                .append("@Entity(table = ").append(JavaRenderer.str(t.name()));
        if (t.schema() != null) {
            sb.append(", schema = ").append(JavaRenderer.str(t.schema()));
        }
        sb.append(")\npublic class ").append(cls).append(" {\n");
        Set<String> used = new HashSet<>();
        for (Column<?> c : t.schemaColumns()) {
            List<String> attrs = new ArrayList<>();
            attrs.add("name = " + JavaRenderer.str(c.name()));
            if (c.isPrimaryKey()) {
                attrs.add("primaryKey = true");
                if (!c.isAutoincrement()) {
                    attrs.add("autoincrement = false");
                }
            } else if (!c.isNullable()) {
                attrs.add("nullable = false");
            }
            if (c.type() instanceof StringType s && s.length() != null) {
                attrs.add("length = " + s.length());
            } else if (c.type() instanceof LargeBinaryType b && b.length() != null) {
                attrs.add("length = " + b.length());
            } else if (c.type() instanceof NumericType n && n.precision() != null) {
                attrs.add("precision = " + n.precision());
                if (n.scale() != null) {
                    attrs.add("scale = " + n.scale());
                }
            }
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                if (fk.columnNames().size() == 1 && fk.columnNames().get(0).equals(c.name())) {
                    attrs.add("foreignKey = " + JavaRenderer.str(fk.targets().get(0)));
                }
            }
            if (c.serverDefault() != null) {
                attrs.add("serverDefault = " + JavaRenderer.str(c.serverDefault().sql()));
            }
            if (c.comment() != null) {
                attrs.add("comment = " + JavaRenderer.str(c.comment()));
            }
            String javaType = JavaNames.javaType(c.type().javaType());
            sb.append("    @MappedColumn(").append(String.join(", ", attrs)).append(")\n")
                    .append("    public ").append(javaType).append(' ').append(unique(JavaNames.field(c.name()), used))
                    .append(";\n\n");
        }
        for (String r : relationships) {
            sb.append(r);
        }
        sb.append("    /** Made by the ORM when it loads a row. */\n    public ").append(cls).append("() {\n    }\n}\n");
        return sb.toString();
    }
}
