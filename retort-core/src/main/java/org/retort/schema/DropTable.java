package org.retort.schema;


/**
 * {@code DROP TABLE [IF EXISTS] t}.
 *
 * @param table the table
 * @param ifExists true for {@code IF EXISTS}
 */
public record DropTable(Table table, boolean ifExists) implements DdlElement {

    /**
     * {@code DROP TABLE t}.
     *
     * @param table the table
     */
    public DropTable(Table table) {
        this(table, false);
    }
}
