package org.retort.schema;

import java.util.Objects;

/**
 * A comment on a table or a column, stored in the database: {@code COMMENT ON} on PostgreSQL, H2 and Oracle,
 * inline {@code COMMENT '...'} on MySQL/MariaDB; SQLite and SQL Server keep no comments and the DDL leaves it out.
 *
 * @param text the comment
 */
public record Comment(String text) implements ColumnOption, TableElement {

    /**
     * Checks the text.
     *
     * @param text the comment
     */
    public Comment {
        Objects.requireNonNull(text, "text");
    }
}
