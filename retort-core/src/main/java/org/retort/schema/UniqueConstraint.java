package org.retort.schema;

import java.util.List;

/**
 * {@code [CONSTRAINT name] UNIQUE (a, b)}: made by {@code unique()} on a column, or on the table with
 * {@code uniqueConstraint("a", "b")}.
 */
public final class UniqueConstraint extends BoundConstraint implements Constraint, TableElement {

    UniqueConstraint(String declaredName, List<String> columnNames, Table table, String name, boolean generated) {
        super(declaredName, columnNames, table, name, generated);
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
     * Returns a copy with that name.
     *
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public UniqueConstraint named(String constraintName) {
        return new UniqueConstraint(constraintName, columnNames, null, null, false);
    }

    UniqueConstraint bind(Table t, String effectiveName, boolean isGenerated) {
        return new UniqueConstraint(declaredName, columnNames, t, effectiveName, isGenerated);
    }

    @Override
    public String toString() {
        return describe("UniqueConstraint") + columnNames;
    }
}
