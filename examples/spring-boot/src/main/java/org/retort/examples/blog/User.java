package org.retort.examples.blog;

import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;

/** A user of the blog. */
@Entity(table = "blog_user")
public class User {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(length = 40, nullable = false)
    String name;

    User() {
    }

    User(String name) {
        this.name = name;
    }
}
