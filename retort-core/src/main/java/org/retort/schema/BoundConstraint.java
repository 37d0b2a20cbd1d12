package org.retort.schema;

import java.util.List;

/**
 * What every table constraint keeps: the name it was declared with, its columns and, once a table binds it, the
 * table and the effective name (declared or from the naming convention). Package-private; the public constraint
 * classes extend it so naming and binding read the same everywhere.
 */
abstract class BoundConstraint {
    final String declaredName;
    final List<String> columnNames;
    final Table table;
    final String name;
    final boolean generated;

    BoundConstraint(String declaredName, List<String> columnNames, Table table, String name, boolean generated) {
        this.declaredName = declaredName;
        this.columnNames = List.copyOf(columnNames);
        this.table = table;
        this.name = name;
        this.generated = generated;
    }

    /** {@return the name given at declaration, or null} */
    public String declaredName() {
        return declaredName;
    }

    /** {@return the name used in DDL: the declared one while unbound, else the one the table gave (may be null)} */
    public String name() {
        return table == null ? declaredName : name;
    }

    /** {@return true when {@link #name()} came from the naming convention and may be shortened to fit} */
    public boolean isNameGenerated() {
        return generated;
    }

    /** {@return the table, or null while unbound} */
    public Table table() {
        return table;
    }

    /** {@return the names of the constrained columns, in order; empty for a table-level check} */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * Starts {@code toString()}: the kind and, when there is one, the name.
     *
     * @param kind the class's simple name
     * @return e.g. {@code UniqueConstraint uq_t_a}
     */
    String describe(String kind) {
        return kind + (name() == null ? "" : " " + name());
    }
}
