package org.retort.schema;

import java.util.List;
import java.util.Objects;

/**
 * {@code [CONSTRAINT name] CHECK (sql)}, on the table or on a column ({@code check("price > 0")}). The
 * condition is SQL text.
 */
public final class CheckConstraint extends BoundConstraint implements Constraint, TableElement, ColumnOption {
    private final String sql;

    CheckConstraint(String declaredName, String sql, List<String> columnNames, Table table, String name,
                    boolean generated) {
        super(declaredName, columnNames, table, name, generated);
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /**
     * Declares a check constraint.
     *
     * @param sql the condition, SQL text
     * @return the constraint
     */
    public static CheckConstraint of(String sql) {
        return new CheckConstraint(null, sql, List.of(), null, null, false);
    }

    /**
     * Returns a copy with that name.
     *
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public CheckConstraint named(String constraintName) {
        return new CheckConstraint(constraintName, sql, columnNames, null, null, false);
    }

    CheckConstraint bind(Table t, List<String> cols, String effectiveName, boolean isGenerated) {
        return new CheckConstraint(declaredName, sql, cols, t, effectiveName, isGenerated);
    }

    /** {@return the condition} */
    public String sql() {
        return sql;
    }

    @Override
    public String toString() {
        return describe("CheckConstraint") + " (" + sql + ")";
    }
}
