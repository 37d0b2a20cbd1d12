package org.retort.schema;

import java.util.List;

/**
 * A table constraint: {@link PrimaryKeyConstraint}, {@link ForeignKeyConstraint}, {@link UniqueConstraint} or
 * {@link CheckConstraint}. Declared unbound (column names only); the table it is declared on binds it and gives
 * it a name from the MetaData's {@link NamingConvention} when it has none.
 */
public sealed interface Constraint permits PrimaryKeyConstraint, ForeignKeyConstraint, UniqueConstraint,
        CheckConstraint {

    /** {@return the name used in DDL: the declared one, else the naming convention's, else null (database names it)} */
    String name();

    /** {@return true when {@link #name()} came from the naming convention and may be shortened to fit} */
    boolean isNameGenerated();

    /** {@return the table, or null while unbound} */
    Table table();

    /** {@return the names of the constrained columns, in order} */
    List<String> columnNames();

    /**
     * The constrained columns of the bound table.
     *
     * @return the columns, in order
     */
    default List<Column<?>> columns() {
        return columnNames().stream().<Column<?>>map(n -> (Column<?>) table().columnNamed(n)).toList();
    }
}
