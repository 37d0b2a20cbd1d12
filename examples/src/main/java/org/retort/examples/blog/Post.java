package org.retort.examples.blog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;

/**
 * A post: many-to-one to its {@link Author} (through the foreign key {@code author_id}), many-to-many to
 * {@link Tag} through the association table {@code post_tag}, and one-to-many to its {@link Comment}s.
 */
@Entity(table = "post")
public class Post {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(length = 80, nullable = false)
    String title;
    @MappedColumn(foreignKey = "author.id", nullable = false)
    Long authorId;
    @Relationship(backPopulates = "posts")
    Author author;
    @Relationship(secondary = "post_tag", backPopulates = "posts")
    Set<Tag> tags = new LinkedHashSet<>();
    @Relationship(backPopulates = "post", cascade = "all, delete-orphan", orderBy = "id")
    List<Comment> comments = new ArrayList<>();

    Post() {
    }

    Post(String title, Tag... tags) {
        this.title = title;
        this.tags.addAll(List.of(tags));
    }

    @Override
    public String toString() {
        return "Post(" + title + ")";
    }
}
