package org.retort.schema;


/**
 * {@code DROP INDEX name} ({@code ... ON t} on MySQL and SQL Server).
 *
 * @param index the bound index
 * @param ifExists true for {@code IF EXISTS}
 */
public record DropIndex(Index index, boolean ifExists) implements DdlElement {

    /**
     * {@code DROP INDEX}.
     *
     * @param index the bound index
     */
    public DropIndex(Index index) {
        this(index, false);
    }
}
