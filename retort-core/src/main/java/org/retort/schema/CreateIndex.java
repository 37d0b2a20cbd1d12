package org.retort.schema;


/**
 * {@code CREATE [UNIQUE] INDEX name ON t (...)}.
 *
 * @param index the bound index (from {@link Table#indexes()})
 * @param ifNotExists true for {@code IF NOT EXISTS}
 */
public record CreateIndex(Index index, boolean ifNotExists) implements DdlElement {

    /**
     * {@code CREATE INDEX}.
     *
     * @param index the bound index
     */
    public CreateIndex(Index index) {
        this(index, false);
    }
}
