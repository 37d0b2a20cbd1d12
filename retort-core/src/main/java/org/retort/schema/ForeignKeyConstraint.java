package org.retort.schema;

import java.util.List;
import org.retort.exc.ArgumentException;

/**
 * {@code [CONSTRAINT name] FOREIGN KEY (a, b) REFERENCES t (x, y) [ON DELETE ..] [ON UPDATE ..]
 * [DEFERRABLE] [INITIALLY ..]}: made by {@code foreignKey(...)} on a column, or on the table with
 * {@code foreignKeyConstraint(List.of("a", "b"), List.of("t.x", "t.y"))} for a composite key.
 */
public final class ForeignKeyConstraint extends BoundConstraint implements Constraint, TableElement {
    private final List<String> targets;
    private final FkOptions options;
    private final boolean alter;

    ForeignKeyConstraint(List<String> columnNames, List<String> targets, FkOptions options, Table table, String name,
                         boolean generated, boolean alter) {
        super(options.name(), checked(columnNames, targets), table, name, generated);
        this.targets = List.copyOf(targets);
        this.options = options;
        this.alter = alter;
    }

    private static List<String> checked(List<String> columnNames, List<String> targets) {
        if (columnNames.size() != targets.size() || columnNames.isEmpty()) {
            throw new ArgumentException("A foreign key needs as many referred columns as columns, got " + columnNames
                    + " -> " + targets);
        }
        String referred = null;
        for (String t : targets) {
            ForeignKey.to(t);
            String tableSpec = t.substring(0, t.lastIndexOf('.'));
            if (referred != null && !referred.equals(tableSpec)) {
                throw new ArgumentException("The columns of one foreign key must all refer to the same table, got "
                        + targets);
            }
            referred = tableSpec;
        }
        return columnNames;
    }

    /**
     * Declares a (composite) foreign key.
     *
     * @param columnNames the local columns
     * @param targets the referred columns, {@code "table.column"} each, in the same order
     * @return the constraint
     */
    public static ForeignKeyConstraint of(List<String> columnNames, List<String> targets) {
        return new ForeignKeyConstraint(columnNames, targets, FkOptions.NONE, null, null, false, false);
    }

    static ForeignKeyConstraint ofColumn(String column, ForeignKey fk) {
        return new ForeignKeyConstraint(List.of(column), List.of(fk.target()), fk.options(), null, null, false, false);
    }

    private ForeignKeyConstraint with(FkOptions o) {
        return new ForeignKeyConstraint(columnNames, targets, o, null, null, false, false);
    }

    /**
     * Returns a copy with that name.
     *
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public ForeignKeyConstraint named(String constraintName) {
        return with(new FkOptions(constraintName, options.onDelete(), options.onUpdate(), options.deferrable(),
                options.initially(), options.useAlter()));
    }

    /**
     * Returns a copy with {@code ON DELETE action}.
     *
     * @param action CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION
     * @return a copy with {@code ON DELETE action}
     */
    public ForeignKeyConstraint onDelete(String action) {
        return with(new FkOptions(options.name(), action, options.onUpdate(), options.deferrable(), options.initially(),
                options.useAlter()));
    }

    /**
     * Returns a copy with {@code ON UPDATE action}.
     *
     * @param action CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION
     * @return a copy with {@code ON UPDATE action}
     */
    public ForeignKeyConstraint onUpdate(String action) {
        return with(new FkOptions(options.name(), options.onDelete(), action, options.deferrable(), options.initially(),
                options.useAlter()));
    }

    /**
     * Returns a copy with those options.
     *
     * @param deferrable true for DEFERRABLE, false for NOT DEFERRABLE
     * @param initially DEFERRED, IMMEDIATE, or null
     * @return a copy with those options
     */
    public ForeignKeyConstraint deferrable(boolean deferrable, String initially) {
        return with(new FkOptions(options.name(), options.onDelete(), options.onUpdate(), deferrable, initially,
                options.useAlter()));
    }

    /** {@return a copy added by ALTER TABLE after the tables exist} */
    public ForeignKeyConstraint useAlter() {
        return with(new FkOptions(options.name(), options.onDelete(), options.onUpdate(), options.deferrable(),
                options.initially(), true));
    }

    ForeignKeyConstraint bind(Table t, String effectiveName, boolean isGenerated) {
        return new ForeignKeyConstraint(columnNames, targets, options, t, effectiveName, isGenerated, options.useAlter());
    }

    ForeignKeyConstraint withAlter(boolean useAlter) {
        return new ForeignKeyConstraint(columnNames, targets, options, table, name, generated, useAlter);
    }

    /** {@return the referred columns as written, {@code "table.column"} each} */
    public List<String> targets() {
        return targets;
    }

    /** {@return the referred table's name, without schema} */
    public String referredTableName() {
        String spec = tableSpec();
        return spec.substring(spec.lastIndexOf('.') + 1);
    }

    /** {@return the referred table's schema as written, or null (then the MetaData's default applies)} */
    public String referredSchema() {
        String spec = tableSpec();
        int dot = spec.lastIndexOf('.');
        return dot < 0 ? null : spec.substring(0, dot);
    }

    private String tableSpec() {
        String t = targets.get(0);
        return t.substring(0, t.lastIndexOf('.'));
    }

    /** {@return the referred column names, in order} */
    public List<String> referredColumnNames() {
        return targets.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    /**
     * The referred table, looked up in the MetaData of this constraint's table.
     *
     * @return the table
     * @throws ArgumentException when the MetaData has no such table or the table lacks a referred column
     */
    public Table referredTable() {
        MetaData md = table.metadata();
        String schema = referredSchema() != null ? referredSchema() : md.schema();
        Table t = md.findTable(referredTableName(), schema);
        if (t == null) {
            throw new ArgumentException("Foreign key " + columnNames + " of table '" + table.fullName()
                    + "' refers to table '" + (schema == null ? "" : schema + ".") + referredTableName()
                    + "', which this MetaData does not have; declare that table too (or fix the target)");
        }
        for (String c : referredColumnNames()) {
            if (!t.hasColumnNamed(c)) {
                throw new ArgumentException("Foreign key " + columnNames + " of table '" + table.fullName()
                        + "' refers to column '" + c + "' of table '" + t.fullName() + "', which has no such column;"
                        + " its columns are " + t.columnNames());
            }
        }
        return t;
    }

    /** {@return the referred columns, resolved} */
    public List<Column<?>> referredColumns() {
        Table t = referredTable();
        return referredColumnNames().stream().<Column<?>>map(n -> (Column<?>) t.columnNamed(n)).toList();
    }

    /** {@return the ON DELETE action, or null} */
    public String onDeleteAction() {
        return options.onDelete();
    }

    /** {@return the ON UPDATE action, or null} */
    public String onUpdateAction() {
        return options.onUpdate();
    }

    /** {@return DEFERRABLE (true), NOT DEFERRABLE (false) or unspecified (null)} */
    public Boolean isDeferrable() {
        return options.deferrable();
    }

    /** {@return INITIALLY DEFERRED/IMMEDIATE, or null} */
    public String initially() {
        return options.initially();
    }

    /** {@return true when the constraint is added by ALTER TABLE after CREATE TABLE (declared, or to break a cycle)} */
    public boolean isUseAlter() {
        return alter;
    }

    @Override
    public String toString() {
        return describe("ForeignKeyConstraint") + columnNames + " -> " + targets;
    }
}
