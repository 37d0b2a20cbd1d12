package org.retort.examples.blog;

import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;

/** A comment on a {@link Post}: many-to-one; the post's key is copied into {@code post_id} at flush. */
@Entity(table = "comment")
public class Comment {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(length = 200, nullable = false)
    String body;
    @MappedColumn(foreignKey = "post.id", nullable = false)
    Long postId;
    @Relationship(backPopulates = "comments")
    Post post;

    Comment() {
    }

    Comment(String body) {
        this.body = body;
    }

    @Override
    public String toString() {
        return "\"" + body + "\"";
    }
}
