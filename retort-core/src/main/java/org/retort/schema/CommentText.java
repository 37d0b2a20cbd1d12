package org.retort.schema;

import java.util.Objects;

/**
 * A comment on a table or a column, stored in the database: {@code COMMENT ON} on PostgreSQL, H2 and Oracle,
 * inline {@code COMMENT '...'} on MySQL/MariaDB; SQLite and SQL Server keep no comments and the DDL leaves it out.
 *
 * <p>Named {@code CommentText}, not {@code Comment}, so that {@code import org.retort.schema.*} does not clash
 * with an application's own {@code Comment} class (an entity, say).
 *
 * @param text the comment
 */
public record CommentText(String text) implements ColumnOption, TableElement {

    /**
     * Checks the text.
     *
     * @param text the comment
     */
    public CommentText {
        Objects.requireNonNull(text, "text");
    }
}
