package org.retort.schema;

import java.util.List;
import java.util.Objects;

/**
 * {@code [CONSTRAINT name] CHECK (sql)}, on the table or on a column ({@code check("price > 0")}). The
 * condition is SQL text.
 */
public final class CheckConstraint implements Constraint, TableElement, ColumnOption {
    private final String declaredName;
    private final String name;
    private final boolean generated;
    private final String sql;
    private final List<String> columnNames;
    private final Table table;

    CheckConstraint(String declaredName, String sql, List<String> columnNames, Table table, String name,
                    boolean generated) {
        this.declaredName = declaredName;
        this.sql = Objects.requireNonNull(sql, "sql");
        this.columnNames = List.copyOf(columnNames);
        this.table = table;
        this.name = name;
        this.generated = generated;
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
     * @param constraintName the constraint name
     * @return a copy with that name
     */
    public CheckConstraint named(String constraintName) {
        return new CheckConstraint(constraintName, sql, columnNames, null, null, false);
    }

    CheckConstraint bind(Table t, List<String> cols, String effectiveName, boolean isGenerated) {
        return new CheckConstraint(declaredName, sql, cols, t, effectiveName, isGenerated);
    }

    /** @return the condition */
    public String sql() {
        return sql;
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

    /** @return the column a column-level check was declared on, else empty */
    @Override
    public List<String> columnNames() {
        return columnNames;
    }

    @Override
    public String toString() {
        return "CheckConstraint" + (name() == null ? "" : " " + name()) + " (" + sql + ")";
    }
}
