package org.retort.schema;

import java.util.List;

/**
 * The primary key, {@code [CONSTRAINT name] PRIMARY KEY (a, b)}. Usually made by {@code primaryKey()} on the
 * columns; declare it on the table for a composite key or a name: {@code primaryKeyConstraint("a", "b")}.
 */
public final class PrimaryKeyConstraint implements Constraint, TableElement {
    private final String declaredName;
    private final String name;
    private final boolean generated;
    private final List<String> columnNames;
    private final Table table;

    PrimaryKeyConstraint(String declaredName, List<String> columnNames, Table table, String name, boolean generated) {
        this.declaredName = declaredName;
        this.columnNames = List.copyOf(columnNames);
        this.table = table;
        this.name = name;
        this.generated = generated;
    }

    /**
     * Declares a primary key on columns.
     *
     * @param columnNames the key columns, in order
     * @return the constraint
     */
    public static PrimaryKeyConstraint of(String... columnNames) {
        return new PrimaryKeyConstraint(null, List.of(columnNames), null, null, false);
    }

    /**
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public PrimaryKeyConstraint named(String constraintName) {
        return new PrimaryKeyConstraint(constraintName, columnNames, null, null, false);
    }

    PrimaryKeyConstraint bind(Table t, List<String> cols, String effectiveName, boolean isGenerated) {
        return new PrimaryKeyConstraint(declaredName, cols, t, effectiveName, isGenerated);
    }

    /** @return the name given at declaration, or null */
    public String declaredName() {
        return declaredName;
    }

    @Override
    public String name() {
        return table == null ? declaredName : name;
    }

    @Override
    public boolean isNameGenerated() {
        return generated;
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public List<String> columnNames() {
        return columnNames;
    }

    @Override
    public String toString() {
        return "PrimaryKeyConstraint" + (name() == null ? "" : " " + name()) + columnNames;
    }
}
