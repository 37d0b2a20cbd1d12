package org.retort.schema;

/**
 * Something a table is declared with: a column, a constraint, an index, a comment or a schema (the positional
 * and keyword arguments of SQLAlchemy's {@code Table}).
 */
public sealed interface TableElement permits ColumnDef, PrimaryKeyConstraint, ForeignKeyConstraint, UniqueConstraint,
        CheckConstraint, Index, CommentText, SchemaName {
}
