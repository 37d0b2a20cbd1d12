package org.retort.schema;

import java.util.function.Supplier;

/**
 * A value Retort supplies for a column when an INSERT (or, for {@code onUpdate}, an UPDATE) leaves it out:
 * a fixed Java value, or a {@link Supplier} called once per row (SQLAlchemy's Python-side {@code default=} and
 * {@code onupdate=}). Never part of DDL; see {@link ServerDefault} for a database default.
 *
 * @param value the fixed value, or null when {@code supplier} is set
 * @param supplier the function producing the value per row, or null
 * @param onUpdate true for an UPDATE default ({@code onupdate})
 */
public record ColumnDefault(Object value, Supplier<?> supplier, boolean onUpdate) implements ColumnOption {

    /**
     * The value for one row: the fixed value, or the supplier's next result.
     *
     * @return the value to insert or update
     */
    public Object evaluate() {
        return supplier != null ? supplier.get() : value;
    }

    /** {@return true when the value is computed per row} */
    public boolean isCallable() {
        return supplier != null;
    }
}
