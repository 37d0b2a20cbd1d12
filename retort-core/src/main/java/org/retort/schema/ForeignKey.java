package org.retort.schema;

import java.util.Objects;

/**
 * A column's reference to a column of another table, {@code foreignKey("user_account.id")} (SQLAlchemy's
 * {@code ForeignKey}); the table turns it into a one-column {@link ForeignKeyConstraint}. The target is
 * {@code "table.column"} or {@code "schema.table.column"} and is looked up in the MetaData only when needed, so
 * tables may be declared in any order.
 */
public final class ForeignKey implements ColumnOption {
    private final String target;
    private final FkOptions options;

    private ForeignKey(String target, FkOptions options) {
        this.target = Objects.requireNonNull(target, "target");
        this.options = options;
    }

    /**
     * A reference to {@code "table.column"} or {@code "schema.table.column"}.
     *
     * @param target the referred column
     * @return the foreign key
     */
    public static ForeignKey to(String target) {
        if (target.indexOf('.') <= 0 || target.endsWith(".")) {
            throw new org.retort.exc.ArgumentException("A foreign key target must be \"table.column\" or "
                    + "\"schema.table.column\", got \"" + target + "\"");
        }
        return new ForeignKey(target, FkOptions.NONE);
    }

    /** {@return the referred column, as written} */
    public String target() {
        return target;
    }

    FkOptions options() {
        return options;
    }

    /**
     * Returns a copy with that name.
     *
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public ForeignKey named(String constraintName) {
        return new ForeignKey(target, new FkOptions(constraintName, options.onDelete(), options.onUpdate(),
                options.deferrable(), options.initially(), options.useAlter()));
    }

    /**
     * Returns a copy with {@code ON DELETE action}.
     *
     * @param action CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION
     * @return a copy with {@code ON DELETE action}
     */
    public ForeignKey onDelete(String action) {
        return new ForeignKey(target, new FkOptions(options.name(), action, options.onUpdate(), options.deferrable(),
                options.initially(), options.useAlter()));
    }

    /**
     * Returns a copy with {@code ON UPDATE action}.
     *
     * @param action CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION
     * @return a copy with {@code ON UPDATE action}
     */
    public ForeignKey onUpdate(String action) {
        return new ForeignKey(target, new FkOptions(options.name(), options.onDelete(), action, options.deferrable(),
                options.initially(), options.useAlter()));
    }

    /**
     * Returns a copy with those options (rendered where the database has deferrable constraints).
     *
     * @param deferrable true for DEFERRABLE, false for NOT DEFERRABLE
     * @param initially DEFERRED, IMMEDIATE, or null
     * @return a copy with those options (rendered where the database has deferrable constraints)
     */
    public ForeignKey deferrable(boolean deferrable, String initially) {
        return new ForeignKey(target, new FkOptions(options.name(), options.onDelete(), options.onUpdate(), deferrable,
                initially, options.useAlter()));
    }

    /** {@return a copy added by ALTER TABLE after the tables exist, which breaks dependency cycles} */
    public ForeignKey useAlter() {
        return new ForeignKey(target, new FkOptions(options.name(), options.onDelete(), options.onUpdate(),
                options.deferrable(), options.initially(), true));
    }

    @Override
    public String toString() {
        return "ForeignKey(" + target + ")";
    }
}
