package org.retort.schema;

import java.util.List;

/**
 * {@code [CONSTRAINT name] UNIQUE (a, b)}: made by {@code unique()} on a column, or on the table with
 * {@code uniqueConstraint("a", "b")}.
 */
public final class UniqueConstraint implements Constraint, TableElement {
    private final String declaredName;
    private final String name;
    private final boolean generated;
    private final List<String> columnNames;
    private final Table table;

    UniqueConstraint(String declaredName, List<String> columnNames, Table table, String name, boolean generated) {
        this.declaredName = declaredName;
        this.columnNames = List.copyOf(columnNames);
        this.table = table;
        this.name = name;
        this.generated = generated;
    }

    /**
     * Declares a unique constraint.
     *
     * @param columnNames the columns
     * @return the constraint
     */
    public static UniqueConstraint of(String... columnNames) {
        return new UniqueConstraint(null, List.of(columnNames), null, null, false);
    }

    /**
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public UniqueConstraint named(String constraintName) {
        return new UniqueConstraint(constraintName, columnNames, null, null, false);
    }

    UniqueConstraint bind(Table t, String effectiveName, boolean isGenerated) {
        return new UniqueConstraint(declaredName, columnNames, t, effectiveName, isGenerated);
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
        return "UniqueConstraint" + (name() == null ? "" : " " + name()) + columnNames;
    }
}
