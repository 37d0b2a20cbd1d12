package org.retort.examples.blog;

import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;

/** A post, written by one user. */
@Entity(table = "blog_post")
public class Post {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(foreignKey = "blog_user.id", nullable = false)
    Long userId;
    @MappedColumn(length = 80, nullable = false)
    String title;

    Post() {
    }

    Post(long userId, String title) {
        this.userId = userId;
        this.title = title;
    }
}
