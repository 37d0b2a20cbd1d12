package org.retort.schema;

/**
 * Something that shapes a column when it is declared: {@code primaryKey()}, {@code notNull()},
 * {@code foreignKey("user_account.id")}, a default, an {@link Identity}, ... (the keyword arguments of
 * SQLAlchemy's {@code Column}). Made by the static methods of {@link Schema}.
 */
public sealed interface ColumnOption permits ColumnFlag, ColumnDefault, ServerDefault, CommentText, ForeignKey, Identity,
        Computed, Sequence, CheckConstraint, ColumnKey {
}
