package org.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.migrate.ScriptDirectory;
import org.retort.schema.CheckConstraint;
import org.retort.schema.ColumnDef;
import org.retort.schema.ColumnFlag;
import org.retort.schema.ColumnOption;
import org.retort.schema.CommentText;
import org.retort.schema.Computed;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Identity;
import org.retort.schema.Index;
import org.retort.schema.PrimaryKeyConstraint;
import org.retort.schema.ServerDefault;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.schema.UniqueConstraint;
import org.retort.types.ArrayType;
import org.retort.types.BigIntType;
import org.retort.types.BooleanType;
import org.retort.types.CharType;
import org.retort.types.DateTimeType;
import org.retort.types.DateTimeTzType;
import org.retort.types.DateType;
import org.retort.types.DoubleType;
import org.retort.types.FloatType;
import org.retort.types.InetType;
import org.retort.types.IntegerType;
import org.retort.types.IntervalType;
import org.retort.types.JsonType;
import org.retort.types.LargeBinaryType;
import org.retort.types.NumericType;
import org.retort.types.SmallIntType;
import org.retort.types.SqlType;
import org.retort.types.StringType;
import org.retort.types.TextType;
import org.retort.types.TimeType;
import org.retort.types.UuidType;

/**
 * Writes schema declarations as the Java a person would type, with {@code Schema.*} and {@code Types.*} statically
 * imported: {@code column("name", VARCHAR(30), notNull())}. Shared by autogenerate and codegen.
 */
public final class JavaRenderer {
    private JavaRenderer() {
    }

    /**
     * {@return a Java string literal}
     *
     * @param s text
     */
    public static String str(String s) {
        return s == null ? "null" : ScriptDirectory.javaString(s);
    }

    /**
     * {@return the {@code Types} expression that makes it}
     *
     * @param type a type
     * @throws IllegalArgumentException for a type with no {@code Types} spelling (custom types)
     */
    public static String type(SqlType<?> type) {
        return switch (type) {
            case IntegerType t -> "INTEGER";
            case SmallIntType t -> "SMALLINT";
            case BigIntType t -> "BIGINT";
            case BooleanType t -> "BOOLEAN";
            case StringType t -> t.length() == null ? (t.unicode() ? "new org.retort.types.StringType(null, true)"
                    : "VARCHAR") : (t.unicode() ? "UNICODE(" : "VARCHAR(") + t.length() + ")";
            case CharType t -> "CHAR(" + t.length() + ")";
            case TextType t -> "TEXT";
            case NumericType t -> t.precision() == null ? "NUMERIC" : t.scale() == null
                    ? "new org.retort.types.NumericType(" + t.precision() + ", null)"
                    : "NUMERIC(" + t.precision() + ", " + t.scale() + ")";
            case FloatType t -> t.precision() == null ? "FLOAT" : "new org.retort.types.FloatType(" + t.precision() + ")";
            case DoubleType t -> "DOUBLE";
            case DateType t -> "DATE";
            case TimeType t -> "TIME";
            case DateTimeType t -> "DATETIME";
            case DateTimeTzType t -> "DATETIME_TZ";
            case IntervalType t -> "INTERVAL";
            case LargeBinaryType t -> t.length() == null ? "LARGE_BINARY" : "LARGE_BINARY(" + t.length() + ")";
            case UuidType t -> t.nativeUuid() ? "UUID" : "new org.retort.types.UuidType(false)";
            case InetType t -> "INET";
            case JsonType<?> t -> t.binary() ? "JSONB()" : "JSON()";
            case ArrayType<?> t -> "ARRAY(" + type(t.itemType()) + ")";
            case org.retort.types.EnumType<?> t -> "new org.retort.types.EnumType<>(" + t.enumClass().getCanonicalName()
                    + ".class, " + str(t.typeName()) + ", " + t.nativeEnum() + ")";
            default -> throw new IllegalArgumentException("Type " + type.name() + " (" + type.getClass().getName()
                    + ") has no Types.* spelling; declare the column by hand");
        };
    }

    /**
     * {@return {@code column("name", TYPE, options...)}}
     *
     * @param def a column declaration
     */
    public static String column(ColumnDef<?> def) {
        List<String> parts = new ArrayList<>();
        parts.add(str(def.name()));
        parts.add(type(def.type()));
        for (ColumnOption o : def.options()) {
            parts.add(option(o));
        }
        return "column(" + String.join(", ", parts) + ")";
    }

    private static String option(ColumnOption o) {
        return switch (o) {
            case ColumnFlag f -> switch (f) {
                case PRIMARY_KEY -> "primaryKey()";
                case NOT_NULL -> "notNull()";
                case NULLABLE -> "nullable()";
                case UNIQUE -> "unique()";
                case INDEX -> "index()";
                case AUTOINCREMENT -> "autoincrement()";
                case NO_AUTOINCREMENT -> "noAutoincrement()";
                case INSERT_SENTINEL -> "insertSentinel()";
            };
            case ServerDefault d -> (d.onUpdate() ? "serverOnUpdate(" : "serverDefault(") + str(d.sql()) + ")";
            case CommentText c -> "comment(" + str(c.text()) + ")";
            case org.retort.schema.ColumnKey k -> "key(" + str(k.key()) + ")";
            case Identity i -> identity(i);
            case Computed c -> c.persisted() == null ? "computed(" + str(c.sql()) + ")"
                    : "computed(" + str(c.sql()) + ", " + c.persisted() + ")";
            case CheckConstraint c -> element(c);
            default -> throw new IllegalArgumentException("Column option " + o + " has no Java spelling here");
        };
    }

    /**
     * {@return the {@code Schema.identity()} expression for an identity}
     *
     * @param i the identity
     */
    public static String identity(Identity i) {
        String s = i.always() ? "org.retort.schema.Identity.generatedAlways()" : "identity()";
        if (i.start() != null) {
            s += ".start(" + i.start() + "L)";
        }
        if (i.increment() != null) {
            s += ".increment(" + i.increment() + "L)";
        }
        return s;
    }

    /**
     * {@return the Java that declares it}
     *
     * @param e a table element: column, constraint, index or comment
     */
    public static String element(TableElement e) {
        return switch (e) {
            case ColumnDef<?> c -> column(c);
            case PrimaryKeyConstraint p -> "primaryKeyConstraint(" + strings(p.columnNames()) + ")"
                    + named(p.declaredName());
            case UniqueConstraint u -> "uniqueConstraint(" + strings(u.columnNames()) + ")" + named(u.declaredName());
            case CheckConstraint c -> "check(" + str(c.sql()) + ")" + named(c.declaredName());
            case ForeignKeyConstraint f -> foreignKey(f);
            case Index ix -> index(ix);
            case CommentText c -> "comment(" + str(c.text()) + ")";
            default -> throw new IllegalArgumentException("Table element " + e + " has no Java spelling here");
        };
    }

    private static String named(String name) {
        return name == null ? "" : ".named(" + str(name) + ")";
    }

    private static String strings(List<String> values) {
        return String.join(", ", values.stream().map(JavaRenderer::str).toList());
    }

    /**
     * {@return {@code foreignKeyConstraint(List.of(..), List.of(..)).named(..).onDelete(..)}}
     *
     * @param f a foreign key declaration
     */
    public static String foreignKey(ForeignKeyConstraint f) {
        StringBuilder sb = new StringBuilder("foreignKeyConstraint(java.util.List.of(").append(strings(f.columnNames()))
                .append("), java.util.List.of(").append(strings(f.targets())).append("))").append(named(f.declaredName()));
        if (f.onDeleteAction() != null) {
            sb.append(".onDelete(").append(str(f.onDeleteAction())).append(')');
        }
        if (f.onUpdateAction() != null) {
            sb.append(".onUpdate(").append(str(f.onUpdateAction())).append(')');
        }
        if (f.isDeferrable() != null || f.initially() != null) {
            sb.append(".deferrable(").append(Boolean.TRUE.equals(f.isDeferrable())).append(", ").append(str(f.initially()))
                    .append(')');
        }
        return sb.toString();
    }

    /**
     * {@return {@code index("name", "a", "b").unique()...}}
     *
     * @param ix an index declaration
     */
    public static String index(Index ix) {
        StringBuilder sb = new StringBuilder("index(").append(str(ix.name()));
        List<String> cols = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (Index.Element e : ix.elements()) {
            if (e.column() != null && exprs.isEmpty()) {
                cols.add(e.column());
            } else {
                exprs.add(e.column() != null ? e.column() : e.expression());
            }
        }
        for (String c : cols) {
            sb.append(", ").append(str(c));
        }
        sb.append(')');
        for (String x : exprs) {
            sb.append(".expression(").append(str(x)).append(')');
        }
        if (ix.isUnique()) {
            sb.append(".unique()");
        }
        if (ix.whereClause() != null) {
            sb.append(".where(").append(str(ix.whereClause())).append(')');
        }
        for (Map.Entry<String, Object> o : ix.dialectOptions().entrySet()) {
            sb.append(".dialectOption(").append(str(o.getKey())).append(", ").append(str(String.valueOf(o.getValue())))
                    .append(')');
        }
        return sb.toString();
    }

    /**
     * {@code op.createTable("name", ...)} for a table, one element per line.
     *
     * @param t the table
     * @return the statement
     */
    public static String createTable(Table t) {
        StringBuilder sb = new StringBuilder("op.createTable(").append(str(qualified(t)));
        for (TableElement e : Definitions.elements(t)) {
            sb.append(",\n        ").append(element(e));
        }
        return sb.append(");").toString();
    }

    /**
     * {@return {@code schema.name} or {@code name}}
     *
     * @param t a table
     */
    public static String qualified(Table t) {
        return t.schema() == null ? t.name() : t.schema() + "." + t.name();
    }
}
