package com.example.blog;

import java.util.ArrayList;
import java.util.List;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;

/** An author and their posts (one-to-many). */
@Entity(table = "author")
public class Author {
    @MappedColumn(primaryKey = true)
    private Long id;
    @MappedColumn(length = 40, nullable = false)
    private String name;
    @Relationship(backPopulates = "author", cascade = "all, delete-orphan", orderBy = "title")
    private List<Post> posts = new ArrayList<>();

    Author() {
    }

    /**
     * A new author, without posts.
     *
     * @param name the name
     */
    public Author(String name) {
        this.name = name;
    }

    /** {@return the key, set when the author is flushed} */
    public Long id() {
        return id;
    }

    /** {@return the name} */
    public String name() {
        return name;
    }

    /**
     * Renames the author.
     *
     * @param newName the new name
     */
    public void rename(String newName) {
        this.name = newName;
    }

    /** {@return the posts, loaded on first access unless a loader option loaded them} */
    public List<Post> posts() {
        return posts;
    }

    /**
     * Adds a post; the relationship's other side ({@code post.author}) is set by the ORM.
     *
     * @param post the post
     * @return this author
     */
    public Author write(Post post) {
        posts.add(post);
        return this;
    }
}
