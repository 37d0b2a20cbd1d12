package org.retort.schema;

import java.util.List;
import java.util.Objects;
import org.retort.types.SqlType;

/**
 * A column as declared, before it belongs to a table: {@code column("name", VARCHAR(30), notNull())}. The
 * table turns it into a {@link Column}.
 *
 * @param name the column name
 * @param type its type
 * @param options its options
 * @param <T> the Java type of the values
 */
public record ColumnDef<T>(String name, SqlType<T> type, List<ColumnOption> options) implements TableElement {

    /**
     * Checks and copies.
     *
     * @param name the column name
     * @param type its type
     * @param options its options
     */
    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of column " + name);
        options = List.copyOf(options);
    }
}
