package org.retort.schema;

import java.util.List;

/**
 * The primary key, {@code [CONSTRAINT name] PRIMARY KEY (a, b)}. Usually made by {@code primaryKey()} on the
 * columns; declare it on the table for a composite key or a name: {@code primaryKeyConstraint("a", "b")}.
 */
public final class PrimaryKeyConstraint extends BoundConstraint implements Constraint, TableElement {

    PrimaryKeyConstraint(String declaredName, List<String> columnNames, Table table, String name, boolean generated) {
        super(declaredName, columnNames, table, name, generated);
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
     * Returns a copy with that name.
     *
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public PrimaryKeyConstraint named(String constraintName) {
        return new PrimaryKeyConstraint(constraintName, columnNames, null, null, false);
    }

    PrimaryKeyConstraint bind(Table t, List<String> cols, String effectiveName, boolean isGenerated) {
        return new PrimaryKeyConstraint(declaredName, cols, t, effectiveName, isGenerated);
    }

    @Override
    public String toString() {
        return describe("PrimaryKeyConstraint") + columnNames;
    }
}
