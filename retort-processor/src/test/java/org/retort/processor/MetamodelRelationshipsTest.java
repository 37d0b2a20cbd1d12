package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.retort.orm.Registry;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.metamodel.RelationshipAttribute;

/**
 * {@code @Relationship} fields become {@link RelationshipAttribute}s typed by the related class (element type of
 * a List, Set or Collection, value type of a Map, or the field's own type); shapes the ORM would refuse are
 * compile errors on the field.
 */
class MetamodelRelationshipsTest {
    private static final String AUTHOR = """
            package com.example.blog;

            import java.util.ArrayList;
            import java.util.Collection;
            import java.util.List;
            import java.util.Map;
            import org.retort.orm.annotation.Entity;
            import org.retort.orm.annotation.MappedColumn;
            import org.retort.orm.annotation.Relationship;

            @Entity(table = "author")
            public class Author {
                @MappedColumn(primaryKey = true)
                Long id;
                String name;
                @Relationship(backPopulates = "author", cascade = "all, delete-orphan")
                List<Post> posts = new ArrayList<>();
                @Relationship(mapKey = "key", backPopulates = "author")
                Map<String, Setting> settings;
                @Relationship(viewOnly = true)
                Collection<Post> drafts;
            }
            """;
    private static final String POST = """
            package com.example.blog;

            import java.util.Set;
            import org.retort.orm.annotation.Entity;
            import org.retort.orm.annotation.MappedColumn;
            import org.retort.orm.annotation.Relationship;

            @Entity(table = "post")
            public class Post {
                @MappedColumn(primaryKey = true)
                Long id;
                @MappedColumn(foreignKey = "author.id")
                Long authorId;
                @Relationship(backPopulates = "posts")
                Author author;
                @Relationship(secondary = "post_tag")
                Set<Tag> tags;
            }
            """;
    private static final String SETTING = """
            package com.example.blog;

            import org.retort.orm.annotation.Entity;
            import org.retort.orm.annotation.MappedColumn;
            import org.retort.orm.annotation.Relationship;

            @Entity(table = "setting")
            public class Setting {
                @MappedColumn(primaryKey = true)
                Long id;
                String key;
                @MappedColumn(foreignKey = "author.id")
                Long authorId;
                @Relationship(backPopulates = "settings")
                Author author;
            }
            """;
    private static final String TAG = """
            package com.example.blog;

            import org.retort.orm.annotation.Entity;
            import org.retort.orm.annotation.MappedColumn;

            @Entity(table = "tag")
            public class Tag {
                @MappedColumn(primaryKey = true)
                Long id;
                String name;
            }
            """;

    @Test
    void collectionMapAndReferenceFieldsGetRelationshipAttributes() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly(AUTHOR, POST, SETTING, TAG);
        assertThat(result.generated("com.example.blog.Author_")).isEqualTo("""
                package com.example.blog;

                import javax.annotation.processing.Generated;
                import org.retort.orm.metamodel.ColumnAttribute;
                import org.retort.orm.metamodel.RelationshipAttribute;

                /** Metamodel of {@link Author}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class Author_ {
                    private Author_() {
                    }

                    /** {@link Author#id}. */
                    public static final ColumnAttribute<Author, Long> id = ColumnAttribute.of(Author.class, "id", Long.class);

                    /** {@link Author#name}. */
                    public static final ColumnAttribute<Author, String> name = ColumnAttribute.of(Author.class, "name", String.class);

                    /** {@link Author#posts}. */
                    public static final RelationshipAttribute<Author, Post> posts = RelationshipAttribute.of(Author.class, "posts", Post.class);

                    /** {@link Author#settings}. */
                    public static final RelationshipAttribute<Author, Setting> settings = RelationshipAttribute.of(Author.class, "settings", Setting.class);

                    /** {@link Author#drafts}. */
                    public static final RelationshipAttribute<Author, Post> drafts = RelationshipAttribute.of(Author.class, "drafts", Post.class);
                }
                """);
        assertThat(result.generated("com.example.blog.Post_")).contains("""
                    /** {@link Post#author}. */
                    public static final RelationshipAttribute<Post, Author> author = RelationshipAttribute.of(Post.class, "author", Author.class);

                    /** {@link Post#tags}. */
                    public static final RelationshipAttribute<Post, Tag> tags = RelationshipAttribute.of(Post.class, "tags", Tag.class);
                """);
        assertThat(result.messages(Diagnostic.Kind.NOTE)).isEmpty();
    }

    @Test
    void generatedAttributesNameTheMappedRelationships() throws ReflectiveOperationException {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly(AUTHOR, POST, SETTING, TAG);
        ClassLoader loader = result.loader();
        Class<?> author = loader.loadClass("com.example.blog.Author");
        Class<?> post = loader.loadClass("com.example.blog.Post");
        Registry.of(author, post, loader.loadClass("com.example.blog.Setting"), loader.loadClass("com.example.blog.Tag"));

        RelationshipAttribute<?, ?> posts = relationship(loader, "com.example.blog.Author_", "posts");
        assertThat(posts.entity()).isSameAs(author);
        assertThat(posts.attributeName()).isEqualTo("posts");
        assertThat(posts.javaType()).isSameAs(post);
        assertThat(posts.property().direction()).isEqualTo(RelationshipDirection.ONE_TO_MANY);
        assertThat(posts.any().toString()).contains("EXISTS", "post.author_id = author.id");

        RelationshipAttribute<?, ?> postAuthor = relationship(loader, "com.example.blog.Post_", "author");
        assertThat(postAuthor.javaType()).isSameAs(author);
        assertThat(postAuthor.property().direction()).isEqualTo(RelationshipDirection.MANY_TO_ONE);
        assertThat(relationship(loader, "com.example.blog.Post_", "tags").property().direction())
                .isEqualTo(RelationshipDirection.MANY_TO_MANY);
        assertThat(relationship(loader, "com.example.blog.Author_", "settings").javaType())
                .isSameAs(loader.loadClass("com.example.blog.Setting"));
    }

    private static RelationshipAttribute<?, ?> relationship(ClassLoader loader, String metamodel, String field)
            throws ReflectiveOperationException {
        return (RelationshipAttribute<?, ?>) loader.loadClass(metamodel).getField(field).get(null);
    }

    @Test
    void nestedTargetsAreNamedThroughTheirOuterClass() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                import java.util.List;
                import org.retort.orm.annotation.Entity;
                import org.retort.orm.annotation.MappedColumn;
                import org.retort.orm.annotation.Relationship;

                public final class Shop {
                    @Entity
                    public static class Order {
                        @MappedColumn(primaryKey = true)
                        Long id;
                        @Relationship
                        List<Line> lines;
                    }

                    @Entity
                    public static class Line {
                        @MappedColumn(primaryKey = true)
                        Long id;
                        @MappedColumn(foreignKey = "order.id")
                        Long orderId;
                    }
                }
                """);
        assertThat(result.generated("com.example.Shop_Order_")).contains(
                "public static final RelationshipAttribute<Shop.Order, Shop.Line> lines = "
                        + "RelationshipAttribute.of(Shop.Order.class, \"lines\", Shop.Line.class);");
    }

    @Test
    void anEntityWithOnlyRelationshipsImportsNoColumnAttribute() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly(TAG, """
                package com.example.blog;

                import java.util.List;
                import org.retort.orm.annotation.Entity;
                import org.retort.orm.annotation.Relationship;
                import org.retort.orm.annotation.Transient;

                @Entity
                public class Cloud {
                    @Transient
                    Long id;
                    @Relationship
                    List<Tag> tags;
                }
                """);
        assertThat(result.generated("com.example.blog.Cloud_")).doesNotContain("ColumnAttribute")
                .contains("import org.retort.orm.metamodel.RelationshipAttribute;");
    }

    @Test
    void shapesTheOrmRefusesAreCompileErrors() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(TAG, """
                package com.example.blog;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import org.retort.orm.annotation.Entity;
                import org.retort.orm.annotation.MappedColumn;
                import org.retort.orm.annotation.Relationship;

                @Entity
                public class Broken {
                    @MappedColumn(primaryKey = true)
                    Long id;
                    @Relationship
                    @SuppressWarnings("rawtypes")
                    List raw;
                    @Relationship
                    ArrayList<Tag> concrete;
                    @Relationship
                    Map<String, Tag> unkeyed;
                    @Relationship
                    @MappedColumn
                    Tag both;
                    @Relationship
                    int number;
                    @Relationship
                    List<? extends Tag> wildcard;
                    @Relationship
                    List<List<Tag>> nested;
                    @Relationship
                    java.util.Optional<Tag> optional;
                }
                """);
        assertThat(result.success()).isFalse();
        String shapes = "declare it as the related entity class (Author author) or as List<Target>, Set<Target>, "
                + "Collection<Target> or Map<Key, Target>";
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly(
                "16: @Relationship field raw of com.example.blog.Broken needs its element type: declare it as "
                        + "List<Target>",
                "18: @Relationship field concrete of com.example.blog.Broken is declared as ArrayList; declare it as "
                        + "List, Set, Collection or Map (the ORM puts its own lazy-loading collection into it)",
                "20: @Relationship field unkeyed of com.example.blog.Broken is a Map; name the target attribute that "
                        + "keys it with @Relationship(mapKey = \"...\")",
                "23: @Relationship field both of com.example.blog.Broken is also @MappedColumn; map the foreign key "
                        + "column and the related object as two fields",
                "25: @Relationship field number of com.example.blog.Broken has type int, which holds no related "
                        + "objects; " + shapes,
                "27: @Relationship field wildcard of com.example.blog.Broken holds ? extends com.example.blog.Tag, "
                        + "which is not an entity class: declare it as List<Target> with an @Entity class as Target",
                "29: @Relationship field nested of com.example.blog.Broken holds java.util.List<com.example.blog.Tag>, "
                        + "which is not an entity class: declare it as List<Target> with an @Entity class as Target",
                "31: @Relationship field optional of com.example.blog.Broken has the generic type "
                        + "java.util.Optional<com.example.blog.Tag>, which is not an entity class; " + shapes);
        assertThat(result.generatedSources()).doesNotContainKey("com.example.blog.Broken_");
    }

    @Test
    void aRelationshipNamedLikeTheAttributeTypeIsAnError() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(TAG, """
                package com.example.blog;

                import java.util.List;
                import org.retort.orm.annotation.Entity;
                import org.retort.orm.annotation.Relationship;

                @Entity
                public class Odd {
                    Long id;
                    @Relationship
                    List<Tag> RelationshipAttribute;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("11: field RelationshipAttribute of "
                + "com.example.blog.Odd clashes with the type RelationshipAttribute that the metamodel Odd_ uses for "
                + "its attributes; rename the field");
    }

    @Test
    void aTargetNotVisibleFromTheMetamodelPackageIsSkippedWithANote() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example.other;

                @org.retort.orm.annotation.Entity
                class Hidden {
                    Long id;
                }
                """, """
                package com.example.other;

                public class Holder {
                    @org.retort.orm.annotation.Entity
                    public static class Visible {
                        Long id;
                        @org.retort.orm.annotation.Relationship
                        java.util.List<Hidden> hidden;
                    }
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Outside extends com.example.other.Holder.Visible {
                }
                """);
        assertThat(result.generated("com.example.other.Holder_Visible_")).contains(" hidden = ");
        assertThat(result.generated("com.example.Outside_")).doesNotContain(" hidden = ");
        assertThat(result.messages(Diagnostic.Kind.NOTE)).containsExactly("8: Retort metamodel: no attribute for "
                + "field hidden of com.example.Outside: its type com.example.other.Hidden is not visible from "
                + "package 'com.example', where the metamodel class is");
    }
}
