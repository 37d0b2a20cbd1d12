package org.retort.sql;

import java.util.Objects;

/**
 * One column pair of a foreign key: the referencing column and the column it refers to; tables report them
 * through {@link TableClause#foreignKeyPairs()} so joins can infer their ON clause.
 *
 * @param column the referencing (local) column
 * @param referred the referred column of the other table
 */
public record ForeignKeyPair(ColumnClause<?> column, ColumnClause<?> referred) {

    /**
     * Creates a pair.
     *
     * @param column local column
     * @param referred referred column
     */
    public ForeignKeyPair {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(referred, "referred");
    }
}
