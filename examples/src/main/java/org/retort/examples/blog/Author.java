package org.retort.examples.blog;

import java.util.ArrayList;
import java.util.List;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;

/**
 * An author: one-to-many to {@link Post}. Saving, merging and deleting an author cascades to the posts, and a
 * post removed from {@link #posts} is deleted (an orphan). Its metamodel {@code Author_} is generated.
 */
@Entity(table = "author")
public class Author {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(length = 40, nullable = false, unique = true)
    String name;
    @Relationship(backPopulates = "author", cascade = "all, delete-orphan", orderBy = "title")
    List<Post> posts = new ArrayList<>();

    Author() {
    }

    Author(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Author(" + name + ")";
    }
}
