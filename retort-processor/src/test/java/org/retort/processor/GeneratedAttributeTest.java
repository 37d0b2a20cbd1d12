package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.select;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retort.dialect.sqlite.SqliteDialect;
import org.retort.exc.ArgumentException;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.orm.metamodel.MappedAttributes;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.sql.Expression;
import org.retort.types.Types;

/**
 * The generated attributes work at run time: they are {@link ColumnAttribute}s of the right entity, name and
 * Java type, they fail with the ORM's message until a registry maps the class, and then they are column
 * expressions. (The registry is stood in for by publishing a table's columns the way the registry does.)
 */
class GeneratedAttributeTest {
    private static Class<?> article;
    private static Class<?> metamodel;

    @BeforeAll
    static void compileAndLoad() throws ClassNotFoundException {
        InMemoryCompiler.Result result = InMemoryCompiler.compile("""
                package com.example.blog;

                import org.retort.orm.annotation.Entity;
                import org.retort.orm.annotation.MappedColumn;

                @Entity(table = "article")
                public class Article {
                    @MappedColumn(primaryKey = true)
                    long id;
                    String title;
                    Article() {
                    }
                }
                """);
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        ClassLoader loader = result.loader();
        article = loader.loadClass("com.example.blog.Article");
        metamodel = loader.loadClass("com.example.blog.Article_");
    }

    private static ColumnAttribute<?, ?> attribute(String name) throws ReflectiveOperationException {
        return (ColumnAttribute<?, ?>) metamodel.getField(name).get(null);
    }

    @Test
    void attributesDescribeTheirField() throws ReflectiveOperationException {
        ColumnAttribute<?, ?> id = attribute("id");
        assertThat(id.entity()).isSameAs(article);
        assertThat(id.attributeName()).isEqualTo("id");
        assertThat(id.javaType()).isEqualTo(Long.class);
        assertThat(id).hasToString("Article.id");
        assertThat(attribute("title").javaType()).isEqualTo(String.class);
        assertThat(metamodel.getDeclaredConstructors()).singleElement()
                .satisfies(c -> assertThat(java.lang.reflect.Modifier.isPrivate(c.getModifiers())).isTrue());
    }

    @Test
    void unmappedClassFailsWithTheRegistryHint() throws ReflectiveOperationException {
        ColumnAttribute<?, ?> body = draftBody();
        assertThat(body).hasToString("Draft.body");
        assertThatThrownBy(body::name).isInstanceOf(ArgumentException.class)
                .hasMessage("Class com.example.blog.Draft is not mapped: build a Registry with it "
                        + "(Registry.of(Draft.class, ...)) before using its metamodel attributes");
        assertThatThrownBy(body::type).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("is not mapped");
        assertThatThrownBy(() -> body.untyped().eq("x")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Class com.example.blog.Draft is not mapped");
    }

    private static ColumnAttribute<?, ?> draftBody() throws ReflectiveOperationException {
        InMemoryCompiler.Result result = InMemoryCompiler.compile("""
                package com.example.blog;

                @org.retort.orm.annotation.Entity
                public class Draft {
                    String body;
                }
                """);
        return (ColumnAttribute<?, ?>) result.loader().loadClass("com.example.blog.Draft_").getField("body").get(null);
    }

    @Test
    void mappedAttributeIsAColumnExpression() throws ReflectiveOperationException {
        Table table = new MetaData().table("article",
                column("id", Types.INTEGER, primaryKey()), column("title", Types.VARCHAR));
        MappedAttributes.publish(article, name -> Map.of("id", table.c("id"), "title", table.c("title")).get(name));

        ColumnAttribute<?, ?> title = attribute("title");
        Expression<Boolean> test = title.untyped().eq("x");
        assertThat(test.toString()).isEqualTo("article.title = :title_1");   // expressions print as SQL
        assertThat(title.toString()).isEqualTo("Article.title");
        assertThat(title.name()).isEqualTo("title");
        assertThat(title.table()).isSameAs(table);
        assertThat(select(attribute("id")).where(test).compile(new SqliteDialect()).sql())
                .isEqualTo("SELECT article.id FROM article WHERE article.title = ?");
    }
}
