package org.retort.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.orm.metamodel.RelationshipAttribute;

/**
 * An object graph for the relationship tests: a blog (authors, posts, comments, tags), an adjacency-list tree,
 * two tables that refer to each other (post-update), and a map-keyed collection. Metamodel classes are written
 * by hand in the processor's form.
 */
public final class GraphModel {
    private GraphModel() {
    }

    static Registry registry() {
        return Registry.of(Author.class, Post.class, Comment.class, Tag.class, Node.class, Widget.class,
                WidgetEntry.class, Setting.class);
    }

    @Entity(table = "author")
    public static class Author {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 40, nullable = false)
        String name;
        @Relationship(backPopulates = "author", cascade = "all, delete-orphan", orderBy = "title")
        List<Post> posts = new ArrayList<>();
        @Relationship(mapKey = "key", cascade = "all, delete-orphan", backPopulates = "author")
        Map<String, Setting> settings = new java.util.LinkedHashMap<>();

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

    @Entity(table = "post")
    public static class Post {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 80, nullable = false)
        String title;
        @MappedColumn(foreignKey = "author.id")
        Long authorId;
        @Relationship(backPopulates = "posts")
        Author author;
        @Relationship(secondary = "post_tag", backPopulates = "posts")
        Set<Tag> tags = new LinkedHashSet<>();
        @Relationship(backPopulates = "post", cascade = "all, delete-orphan", orderBy = "id")
        List<Comment> comments = new ArrayList<>();

        Post() {
        }

        Post(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return "Post(" + title + ")";
        }
    }

    @Entity(table = "comment")
    public static class Comment {
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
    }

    @Entity(table = "tag")
    public static class Tag {
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
            return "Tag(" + name + ")";
        }
    }

    /** An adjacency list: each node refers to its parent. */
    @Entity(table = "node")
    public static class Node {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 40, nullable = false)
        String name;
        @MappedColumn(foreignKey = "node.id")
        Long parentId;
        @Relationship(backPopulates = "children")
        Node parent;
        @Relationship(backPopulates = "parent", orderBy = "name", cascade = "all")
        List<Node> children = new ArrayList<>();

        Node() {
        }

        Node(String name) {
            this.name = name;
        }

        Node add(Node... kids) {
            for (Node k : kids) {
                children.add(k);
                k.parent = this;
            }
            return this;
        }

        @Override
        public String toString() {
            return "Node(" + name + ")";
        }
    }

    /** A widget and its entries refer to each other: the favorite entry is written after both rows exist. */
    @Entity(table = "widget")
    public static class Widget {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 40)
        String name;
        @MappedColumn(foreignKey = "widget_entry.id")
        Long favoriteEntryId;
        @Relationship(foreignKeys = "favoriteEntryId", postUpdate = true, lazy = Lazy.SELECT)
        WidgetEntry favorite;
        @Relationship(backPopulates = "widget", foreignKeys = "widgetId", cascade = "all, delete-orphan")
        List<WidgetEntry> entries = new ArrayList<>();
    }

    @Entity(table = "widget_entry")
    public static class WidgetEntry {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 40)
        String name;
        @MappedColumn(foreignKey = "widget.id")
        Long widgetId;
        @Relationship(backPopulates = "entries", foreignKeys = "widgetId")
        Widget widget;

        WidgetEntry() {
        }

        WidgetEntry(String name) {
            this.name = name;
        }
    }

    /** Settings of an author, kept in a map by key. */
    @Entity(table = "setting")
    public static class Setting {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 30, nullable = false)
        String key;
        @MappedColumn(length = 100)
        String value;
        @MappedColumn(foreignKey = "author.id")
        Long authorId;
        @Relationship(backPopulates = "settings")
        Author author;

        Setting() {
        }

        Setting(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }

    public static final class Author_ {
        static final ColumnAttribute<Author, Long> id = ColumnAttribute.of(Author.class, "id", Long.class);
        static final ColumnAttribute<Author, String> name = ColumnAttribute.of(Author.class, "name", String.class);
        static final RelationshipAttribute<Author, Post> posts = RelationshipAttribute.of(Author.class, "posts", Post.class);
        static final RelationshipAttribute<Author, Setting> settings =
                RelationshipAttribute.of(Author.class, "settings", Setting.class);
    }

    public static final class Post_ {
        static final ColumnAttribute<Post, Long> id = ColumnAttribute.of(Post.class, "id", Long.class);
        static final ColumnAttribute<Post, String> title = ColumnAttribute.of(Post.class, "title", String.class);
        static final RelationshipAttribute<Post, Author> author = RelationshipAttribute.of(Post.class, "author", Author.class);
        static final RelationshipAttribute<Post, Tag> tags = RelationshipAttribute.of(Post.class, "tags", Tag.class);
        static final RelationshipAttribute<Post, Comment> comments =
                RelationshipAttribute.of(Post.class, "comments", Comment.class);
    }

    public static final class Comment_ {
        static final ColumnAttribute<Comment, String> body = ColumnAttribute.of(Comment.class, "body", String.class);
    }

    public static final class Tag_ {
        static final ColumnAttribute<Tag, String> name = ColumnAttribute.of(Tag.class, "name", String.class);
        static final RelationshipAttribute<Tag, Post> posts = RelationshipAttribute.of(Tag.class, "posts", Post.class);
    }

    public static final class Node_ {
        static final ColumnAttribute<Node, Long> id = ColumnAttribute.of(Node.class, "id", Long.class);
        static final ColumnAttribute<Node, String> name = ColumnAttribute.of(Node.class, "name", String.class);
        static final ColumnAttribute<Node, Long> parentId = ColumnAttribute.of(Node.class, "parentId", Long.class);
        static final RelationshipAttribute<Node, Node> children = RelationshipAttribute.of(Node.class, "children", Node.class);
        static final RelationshipAttribute<Node, Node> parent = RelationshipAttribute.of(Node.class, "parent", Node.class);
    }
}
