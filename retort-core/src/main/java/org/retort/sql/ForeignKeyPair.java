package org.retort.sql;

import java.util.Objects;

/**
 * One column pair of a foreign key: the referencing column and the column it refers to; tables report them
 * through {@link TableClause#foreignKeyPairs()} so joins can infer their ON clause.
 *
 * @param column the referencing (local) column
 * @param referred the referred column of the other table
 * @param constraint what groups the pairs of one (composite) foreign key; pairs of different constraints between
 *                   the same two tables make a join's ON clause ambiguous
 */
public record ForeignKeyPair(ColumnClause<?> column, ColumnClause<?> referred, Object constraint) {

    /**
     * Creates a pair.
     *
     * @param column local column
     * @param referred referred column
     * @param constraint the foreign key it belongs to
     */
    public ForeignKeyPair {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(referred, "referred");
        Objects.requireNonNull(constraint, "constraint");
    }

    /**
     * Creates the pair of a single-column foreign key.
     *
     * @param column local column
     * @param referred referred column
     */
    public ForeignKeyPair(ColumnClause<?> column, ColumnClause<?> referred) {
        this(column, referred, java.util.List.of(column, referred));
    }
}
