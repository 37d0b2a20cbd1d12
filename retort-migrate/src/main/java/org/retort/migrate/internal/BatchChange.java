package org.retort.migrate.internal;

import org.retort.migrate.AlterColumn;
import org.retort.schema.ColumnDef;
import org.retort.schema.Index;
import org.retort.schema.TableElement;

/** One change recorded by a batch, applied either as its own ALTER or to the rebuilt table's definition. */
public sealed interface BatchChange {
    /** {@return a short description for progress output and errors} */
    String describe();

    /**
     * Adds a column.
     *
     * @param column the new column
     */
    record AddColumn(ColumnDef<?> column) implements BatchChange {
        @Override
        public String describe() {
            return "add column " + column.name();
        }
    }

    /**
     * Drops a column, with the indexes and constraints on it.
     *
     * @param column the column to drop
     */
    record DropColumn(String column) implements BatchChange {
        @Override
        public String describe() {
            return "drop column " + column;
        }
    }

    /**
     * Changes a column's type, nullability, default, comment or name.
     *
     * @param column the column
     * @param change what changes
     */
    record AlterColumnChange(String column, AlterColumn change) implements BatchChange {
        @Override
        public String describe() {
            return "alter column " + column;
        }
    }

    /**
     * Creates an index.
     *
     * @param index the index, named
     */
    record CreateIndex(Index index) implements BatchChange {
        @Override
        public String describe() {
            return "create index " + index.name();
        }
    }

    /**
     * Drops an index by name.
     *
     * @param name the index
     */
    record DropIndex(String name) implements BatchChange {
        @Override
        public String describe() {
            return "drop index " + name;
        }
    }

    /**
     * Adds a constraint.
     *
     * @param constraint a named unique, check, foreign key or primary key constraint
     */
    record AddConstraint(TableElement constraint) implements BatchChange {
        @Override
        public String describe() {
            return "add constraint " + constraint;
        }
    }

    /**
     * Drops an unnamed CHECK constraint, found by its condition.
     *
     * @param condition the condition of an unnamed CHECK constraint, matched after normalizing spaces, quotes,
     *                  parentheses and case
     */
    record DropCheck(String condition) implements BatchChange {
        @Override
        public String describe() {
            return "drop check (" + condition + ")";
        }
    }

    /**
     * Drops a constraint by name.
     *
     * @param name the constraint
     * @param kind its kind
     */
    record DropConstraint(String name, org.retort.migrate.ConstraintKind kind) implements BatchChange {
        @Override
        public String describe() {
            return "drop constraint " + name;
        }
    }
}
