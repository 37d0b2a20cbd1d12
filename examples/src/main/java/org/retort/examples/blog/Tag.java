package org.retort.examples.blog;

import java.util.ArrayList;
import java.util.List;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;

/** A tag: the other side of {@link Post#tags}, many-to-many through {@code post_tag}. */
@Entity(table = "tag")
public class Tag {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(length = 30, nullable = false, unique = true)
    String name;
    @Relationship(secondary = "post_tag", backPopulates = "tags")
    List<Post> posts = new ArrayList<>();

    Tag() {
    }

    Tag(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "#" + name;
    }
}
