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

    public Post(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public Long authorId() {
        return authorId;
    }

    public Author author() {
        return author;
    }
}
