package org.retort.migrate.autogenerate;

import static org.retort.migrate.internal.JavaRenderer.str;

import org.retort.migrate.AlterColumn;
import org.retort.migrate.internal.JavaRenderer;
import org.retort.schema.CheckConstraint;
import org.retort.schema.ColumnDef;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.Sequence;
import org.retort.schema.Table;
import org.retort.schema.TableElement;
import org.retort.schema.UniqueConstraint;

/**
 * One difference between the application's {@code MetaData} and the database, found by
 * {@link Autogenerate#compare}. Each knows how to write itself as a call on {@code op} (or, inside a
 * {@code batchAlterTable} block, on {@code batch}) and what change undoes it, which gives the downgrade.
 */
public sealed interface SchemaChange {

    /** {@return what changed, in words, e.g. {@code added column account.email}} */
    String describe();

    /** {@return the table the change is on, or null (sequences, hints)} */
    String table();

    /** {@return the change that undoes this one} */
    SchemaChange inverse();

    /**
     * The Java statement that makes the change.
     *
     * @param inBatch true for a segment chained on {@code batch} inside {@code op.batchAlterTable}
     * @return the code
     */
    String java(boolean inBatch);

    /** {@return true when the change can go inside a {@code batchAlterTable} block} */
    default boolean batchable() {
        return true;
    }

    /**
     * A table the model has and the database does not.
     *
     * @param definition the table as the model declares it
     */
    record AddTable(Table definition) implements SchemaChange {
        @Override
        public String describe() {
            return "added table " + JavaRenderer.qualified(definition);
        }

        @Override
        public String table() {
            return JavaRenderer.qualified(definition);
        }

        @Override
        public SchemaChange inverse() {
            return new DropTable(definition);
        }

        @Override
        public String java(boolean inBatch) {
            return JavaRenderer.createTable(definition);
        }

        @Override
        public boolean batchable() {
            return false;
        }
    }

    /**
     * A table the database has and the model does not.
     *
     * @param definition the table as reflected
     */
    record DropTable(Table definition) implements SchemaChange {
        @Override
        public String describe() {
            return "removed table " + JavaRenderer.qualified(definition);
        }

        @Override
        public String table() {
            return JavaRenderer.qualified(definition);
        }

        @Override
        public SchemaChange inverse() {
            return new AddTable(definition);
        }

        @Override
        public String java(boolean inBatch) {
            return "op.dropTable(" + str(JavaRenderer.qualified(definition)) + ");";
        }

        @Override
        public boolean batchable() {
            return false;
        }
    }

    /**
     * A column the model has and the database does not.
     *
     * @param table the table
     * @param column the column as the model declares it
     */
    record AddColumn(String table, ColumnDef<?> column) implements SchemaChange {
        @Override
        public String describe() {
            return "added column " + table + "." + column.name();
        }

        @Override
        public SchemaChange inverse() {
            return new DropColumn(table, column);
        }

        @Override
        public String java(boolean inBatch) {
            return inBatch ? ".addColumn(" + JavaRenderer.column(column) + ")"
                    : "op.addColumn(" + str(table) + ", " + JavaRenderer.column(column) + ");";
        }
    }

    /**
     * A column the database has and the model does not.
     *
     * @param table the table
     * @param column the column as reflected
     */
    record DropColumn(String table, ColumnDef<?> column) implements SchemaChange {
        @Override
        public String describe() {
            return "removed column " + table + "." + column.name();
        }

        @Override
        public SchemaChange inverse() {
            return new AddColumn(table, column);
        }

        @Override
        public String java(boolean inBatch) {
            return inBatch ? ".dropColumn(" + str(column.name()) + ")"
                    : "op.dropColumn(" + str(table) + ", " + str(column.name()) + ");";
        }
    }

    /**
     * A column whose type, nullability, server default or comment differs.
     *
     * @param table the table
     * @param column the column
     * @param change from the database's column to the model's
     * @param undo from the model's column back to the database's
     * @param what the aspects that differ, for {@link #describe()}
     */
    record AlterColumnChange(String table, String column, AlterColumn change, AlterColumn undo, String what)
            implements SchemaChange {
        @Override
        public String describe() {
            return "changed " + what + " of column " + table + "." + column;
        }

        @Override
        public SchemaChange inverse() {
            return new AlterColumnChange(table, column, undo, change, what);
        }

        @Override
        public String java(boolean inBatch) {
            String c = alter(change);
            return inBatch ? ".alterColumn(" + str(column) + ", " + c + ")"
                    : "op.alterColumn(" + str(table) + ", " + str(column) + ", " + c + ");";
        }

        private static String alter(AlterColumn a) {
            StringBuilder sb = new StringBuilder("AlterColumn.change()");
            if (a.type() != null) {
                sb.append(".type(").append(JavaRenderer.type(a.type())).append(')');
            }
            if (a.nullable() != null) {
                sb.append(".nullable(").append(a.nullable()).append(')');
            }
            if (a.serverDefault() != null) {
                sb.append(".serverDefault(").append(str(a.serverDefault())).append(')');
            } else if (a.removeServerDefault()) {
                sb.append(".dropServerDefault()");
            }
            if (a.comment() != null) {
                sb.append(".comment(").append(str(a.comment())).append(')');
            } else if (a.removeComment()) {
                sb.append(".dropComment()");
            }
            if (a.identity() != null) {
                sb.append(".identity(").append(JavaRenderer.identity(a.identity())).append(')');
            } else if (a.removeIdentity()) {
                sb.append(".dropIdentity()");
            }
            if (a.existingType() != null) {
                sb.append("\n        .existingType(").append(JavaRenderer.type(a.existingType())).append(')');
            }
            if (a.existingNullable() != null) {
                sb.append(".existingNullable(").append(a.existingNullable()).append(')');
            }
            if (a.existingServerDefault() != null) {
                sb.append(".existingServerDefault(").append(str(a.existingServerDefault())).append(')');
            }
            if (a.existingComment() != null) {
                sb.append(".existingComment(").append(str(a.existingComment())).append(')');
            }
            return sb.toString();
        }
    }

    /**
     * An index the model has and the database does not.
     *
     * @param table the table
     * @param index the index
     */
    record AddIndex(String table, Index index) implements SchemaChange {
        @Override
        public String describe() {
            return "added index " + index.name() + " on " + table;
        }

        @Override
        public SchemaChange inverse() {
            return new DropIndex(table, index);
        }

        @Override
        public String java(boolean inBatch) {
            return inBatch ? ".createIndex(" + JavaRenderer.index(index) + ")"
                    : "op.createIndex(" + str(table) + ", " + JavaRenderer.index(index) + ");";
        }
    }

    /**
     * An index the database has and the model does not.
     *
     * @param table the table
     * @param index the index as reflected
     */
    record DropIndex(String table, Index index) implements SchemaChange {
        @Override
        public String describe() {
            return "removed index " + index.name() + " on " + table;
        }

        @Override
        public SchemaChange inverse() {
            return new AddIndex(table, index);
        }

        @Override
        public String java(boolean inBatch) {
            return inBatch ? ".dropIndex(" + str(index.name()) + ")"
                    : "op.dropIndex(" + str(index.name()) + ", " + str(table) + ");";
        }
    }

    /**
     * A unique, check or foreign key constraint the model has and the database does not.
     *
     * @param table the table
     * @param constraint the constraint, named
     */
    record AddConstraint(String table, TableElement constraint) implements SchemaChange {
        @Override
        public String describe() {
            return "added " + kindWord(constraint) + " " + nameOf(constraint) + " on " + table;
        }

        @Override
        public SchemaChange inverse() {
            return new DropConstraint(table, constraint);
        }

        @Override
        public String java(boolean inBatch) {
            return switch (constraint) {
                case UniqueConstraint u -> inBatch
                        ? ".createUniqueConstraint(" + str(u.declaredName()) + ", " + list(u.columnNames()) + ")"
                        : "op.createUniqueConstraint(" + str(u.declaredName()) + ", " + str(table) + ", "
                                + list(u.columnNames()) + ");";
                case CheckConstraint c -> inBatch ? ".createCheckConstraint(" + str(c.declaredName()) + ", "
                        + str(c.sql()) + ")" : "op.createCheckConstraint(" + str(c.declaredName()) + ", " + str(table)
                        + ", " + str(c.sql()) + ");";
                case ForeignKeyConstraint f -> inBatch ? ".createForeignKey(" + JavaRenderer.foreignKey(f) + ")"
                        : "op.createForeignKey(" + str(table) + ", " + JavaRenderer.foreignKey(f) + ");";
                default -> throw new IllegalStateException(String.valueOf(constraint));
            };
        }
    }

    /**
     * A unique, check or foreign key constraint the database has and the model does not.
     *
     * @param table the table
     * @param constraint the constraint as reflected, named
     */
    record DropConstraint(String table, TableElement constraint) implements SchemaChange {
        @Override
        public String describe() {
            return "removed " + kindWord(constraint) + " " + nameOf(constraint) + " on " + table;
        }

        @Override
        public SchemaChange inverse() {
            return new AddConstraint(table, constraint);
        }

        @Override
        public String java(boolean inBatch) {
            String kind = "ConstraintKind." + switch (constraint) {
                case UniqueConstraint u -> "UNIQUE";
                case CheckConstraint c -> "CHECK";
                default -> "FOREIGN_KEY";
            };
            return inBatch ? ".dropConstraint(" + str(nameOf(constraint)) + ", " + kind + ")"
                    : "op.dropConstraint(" + str(nameOf(constraint)) + ", " + str(table) + ", " + kind + ");";
        }
    }

    /**
     * A table comment that differs.
     *
     * @param table the table
     * @param comment the model's comment, or null
     * @param previous the database's comment, or null
     */
    record TableComment(String table, String comment, String previous) implements SchemaChange {
        @Override
        public String describe() {
            return "changed comment of table " + table;
        }

        @Override
        public SchemaChange inverse() {
            return new TableComment(table, previous, comment);
        }

        @Override
        public String java(boolean inBatch) {
            return "op.setTableComment(" + str(table) + ", " + str(comment) + ");";
        }

        @Override
        public boolean batchable() {
            return false;
        }
    }

    /**
     * A sequence the model has and the database does not, or (with {@code add} false) the reverse.
     *
     * @param sequence the sequence
     * @param add true to create it, false to drop it
     */
    record SequenceChange(Sequence sequence, boolean add) implements SchemaChange {
        @Override
        public String describe() {
            return (add ? "added" : "removed") + " sequence " + sequence.name();
        }

        @Override
        public String table() {
            return null;
        }

        @Override
        public SchemaChange inverse() {
            return new SequenceChange(sequence, !add);
        }

        @Override
        public String java(boolean inBatch) {
            StringBuilder sb = new StringBuilder("org.retort.schema.Sequence.named(").append(str(sequence.name())).append(')');
            if (sequence.start() != null) {
                sb.append(".startWith(").append(sequence.start()).append("L)");
            }
            if (sequence.increment() != null) {
                sb.append(".incrementBy(").append(sequence.increment()).append("L)");
            }
            if (sequence.schema() != null) {
                sb.append(".inSchema(").append(str(sequence.schema())).append(')');
            }
            return "op." + (add ? "createSequence(" : "dropSequence(") + sb + ");";
        }

        @Override
        public boolean batchable() {
            return false;
        }
    }

    /**
     * The values an enum column allows differ: a PostgreSQL enum type, an inline MySQL/MariaDB or H2 ENUM, or the
     * CHECK constraint standing in for an enum elsewhere (Alembic does not find these). The statements depend on
     * how the database stores the enum, so they are worked out when the difference is found.
     *
     * @param table the table
     * @param column the column
     * @param before the values the database allows
     * @param after the values the model declares
     * @param up the Java statements making the change
     * @param down the Java statements undoing it
     * @param upBatch the same as segments of a batch block, or null when the change is not made in a batch
     * @param downBatch the undoing segments, or null
     */
    record EnumChange(String table, String column, java.util.List<String> before, java.util.List<String> after,
                      String up, String down, String upBatch, String downBatch) implements SchemaChange {
        @Override
        public String describe() {
            return "changed enum values of column " + table + "." + column + " from " + before + " to " + after;
        }

        @Override
        public SchemaChange inverse() {
            return new EnumChange(table, column, after, before, down, up, downBatch, upBatch);
        }

        @Override
        public String java(boolean inBatch) {
            return inBatch ? upBatch : up;
        }

        @Override
        public boolean batchable() {
            return upBatch != null;
        }
    }

    /**
     * A possible rename autogenerate will not guess: written as a comment for a person to decide.
     *
     * @param text the comment text
     */
    record Hint(String text) implements SchemaChange {
        @Override
        public String describe() {
            return text;
        }

        @Override
        public String table() {
            return null;
        }

        @Override
        public SchemaChange inverse() {
            return this;
        }

        @Override
        public String java(boolean inBatch) {
            return "// " + text;
        }

        @Override
        public boolean batchable() {
            return false;
        }
    }

    private static String list(java.util.List<String> names) {
        return String.join(", ", names.stream().map(JavaRenderer::str).toList());
    }

    private static String kindWord(TableElement c) {
        return switch (c) {
            case UniqueConstraint u -> "unique constraint";
            case CheckConstraint k -> "check constraint";
            case ForeignKeyConstraint f -> "foreign key";
            default -> "constraint";
        };
    }

    private static String nameOf(TableElement c) {
        return switch (c) {
            case UniqueConstraint u -> u.declaredName();
            case CheckConstraint k -> k.declaredName();
            case ForeignKeyConstraint f -> f.declaredName();
            default -> null;
        };
    }
}
