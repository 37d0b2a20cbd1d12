package org.retort.migrate;

import java.util.ArrayList;
import java.util.List;
import org.retort.migrate.internal.BatchChange;
import org.retort.schema.CheckConstraint;
import org.retort.schema.ColumnDef;
import org.retort.schema.ColumnFlag;
import org.retort.schema.ForeignKeyConstraint;
import org.retort.schema.Index;
import org.retort.schema.PrimaryKeyConstraint;
import org.retort.schema.Schema;
import org.retort.schema.UniqueConstraint;

/**
 * The changes of one {@link Operations#batchAlterTable} block (Alembic's {@code batch_op}): recorded first, then
 * applied together, by a table rebuild on SQLite or one ALTER each elsewhere.
 *
 * <pre>{@code
 * op.batchAlterTable("account", batch -> batch
 *         .alterColumn("balance", AlterColumn.change().type(NUMERIC(12, 2)))
 *         .dropColumn("legacy_code")
 *         .createUniqueConstraint("uq_account_email", "email"));
 * }</pre>
 */
public final class BatchOperations {
    private final String table;
    private final List<BatchChange> changes = new ArrayList<>();

    BatchOperations(String table) {
        this.table = table;
    }

    /** {@return the table the batch changes} */
    public String table() {
        return table;
    }

    List<BatchChange> changes() {
        return List.copyOf(changes);
    }

    /**
     * {@return this batch}
     *
     * @param column the column to add
     */
    public BatchOperations addColumn(ColumnDef<?> column) {
        changes.add(new BatchChange.AddColumn(column));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param column the column to drop (indexes and constraints on it go with it)
     */
    public BatchOperations dropColumn(String column) {
        changes.add(new BatchChange.DropColumn(column));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param column the column
     * @param change type, nullability, default, comment or name
     */
    public BatchOperations alterColumn(String column, AlterColumn change) {
        changes.add(new BatchChange.AlterColumnChange(column, change));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param name the index
     * @param columns its columns
     */
    public BatchOperations createIndex(String name, String... columns) {
        changes.add(new BatchChange.CreateIndex(Schema.index(name, columns)));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param index a named index declaration
     */
    public BatchOperations createIndex(Index index) {
        changes.add(new BatchChange.CreateIndex(index));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param name the index
     */
    public BatchOperations dropIndex(String name) {
        changes.add(new BatchChange.DropIndex(name));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param name the constraint
     * @param columns its columns
     */
    public BatchOperations createUniqueConstraint(String name, String... columns) {
        changes.add(new BatchChange.AddConstraint(Schema.uniqueConstraint(columns).named(name)));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param name the constraint
     * @param condition the condition, SQL text
     */
    public BatchOperations createCheckConstraint(String name, String condition) {
        changes.add(new BatchChange.AddConstraint(Schema.check(condition).named(name)));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param foreignKey a named foreign key declaration
     */
    public BatchOperations createForeignKey(ForeignKeyConstraint foreignKey) {
        changes.add(new BatchChange.AddConstraint(foreignKey));
        return this;
    }

    /**
     * {@return this batch}
     *
     * @param name the constraint
     * @param kind its kind
     */
    public BatchOperations dropConstraint(String name, ConstraintKind kind) {
        changes.add(new BatchChange.DropConstraint(name, kind));
        return this;
    }

    /**
     * Drops a CHECK constraint that has no name, found by its condition (SQLite keeps no names for constraints
     * declared without {@code CONSTRAINT name}); only a rebuild can do this, so it runs on SQLite only.
     *
     * @param condition the condition as declared; spaces, quotes, parentheses and case do not matter
     * @return this batch
     */
    public BatchOperations dropCheckConstraint(String condition) {
        changes.add(new BatchChange.DropCheck(condition));
        return this;
    }

    /** True when SQLite's own ALTER TABLE cannot do every change (add column, rename column, indexes). */
    boolean needsRebuild() {
        for (BatchChange c : changes) {
            boolean simple = switch (c) {
                case BatchChange.AddColumn a -> !a.column().options().contains(ColumnFlag.PRIMARY_KEY)
                        && !a.column().options().contains(ColumnFlag.UNIQUE);
                case BatchChange.AlterColumnChange a -> a.change().type() == null && a.change().nullable() == null
                        && !a.change().changesDefault() && a.change().identity() == null && !a.change().removeIdentity();
                case BatchChange.CreateIndex i -> true;
                case BatchChange.DropIndex i -> true;
                default -> false;
            };
            if (!simple) {
                return true;
            }
        }
        return false;
    }

    void applyDirectly(Operations op) {
        for (BatchChange c : changes) {
            switch (c) {
                case BatchChange.AddColumn a -> op.addColumn(table, a.column());
                case BatchChange.DropColumn d -> op.dropColumn(table, d.column());
                case BatchChange.AlterColumnChange a -> op.alterColumn(table, a.column(), a.change());
                case BatchChange.CreateIndex i -> op.createIndex(table, i.index());
                case BatchChange.DropIndex i -> op.dropIndex(i.name(), table);
                case BatchChange.AddConstraint a -> {
                    switch (a.constraint()) {
                        case UniqueConstraint u -> op.createUniqueConstraint(u.declaredName(), table,
                                u.columnNames().toArray(String[]::new));
                        case CheckConstraint ck -> op.createCheckConstraint(ck.declaredName(), table, ck.sql());
                        case ForeignKeyConstraint fk -> op.createForeignKey(table, fk);
                        case PrimaryKeyConstraint pk -> op.createPrimaryKey(pk.declaredName(), table,
                                pk.columnNames().toArray(String[]::new));
                        default -> throw new MigrationException("Batch on " + table + ": cannot add " + a.constraint());
                    }
                }
                case BatchChange.DropConstraint d -> op.dropConstraint(d.name(), table, d.kind());
                case BatchChange.DropCheck d -> throw new MigrationException("Batch on " + table + ": an unnamed check ("
                        + d.condition() + ") can only be dropped by a SQLite rebuild; on " + op.dialect().name()
                        + " drop it by its name with dropConstraint");
            }
        }
    }
}
