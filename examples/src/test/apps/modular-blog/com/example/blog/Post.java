package com.example.blog;

import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;

/** A post and its author (many-to-one). */
@Entity(table = "post")
public class Post {
    @MappedColumn(primaryKey = true)
    private Long id;
    @MappedColumn(length = 80, nullable = false)
    private String title;
    @MappedColumn(foreignKey = "author.id")
    private Long authorId;
    @Relationship(backPopulates = "posts")
    private Author author;

    Post() {
    }

    /**
     * A new post, not yet written by anyone.
     *
     * @param title the title
     */
    public Post(String title) {
        this.title = title;
    }

    /** {@return the title} */
    public String title() {
        return title;
    }

    /** {@return the author's key, copied from the author at flush} */
    public Long authorId() {
        return authorId;
    }

    /** {@return the author} */
    public Author author() {
        return author;
    }
}
