package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Value types are checked by javac (issue 11): a source comparing a typed column or a generated metamodel
 * attribute with a value of another class fails to compile, the right one compiles, and untyped columns keep
 * taking any value. Each probe is compiled in memory with the JDK compiler API, the metamodel processor and
 * Retort on the class path, as a user's build would.
 */
class TypedOperatorsCompileTest {

    private static final String ENTITY = """
            package com.example.typed;

            @org.retort.orm.annotation.Entity(table = "account")
            public class Account {
                @org.retort.orm.annotation.MappedColumn(primaryKey = true) Long id;
                String username;
                Boolean active;
            }
            """;

    private static final String PROBE = """
            package com.example.typed;

            import static org.retort.schema.Schema.*;
            import static org.retort.sql.Sql.*;
            import static org.retort.types.Types.*;
            import java.math.BigDecimal;
            import java.util.List;
            import org.retort.schema.Column;
            import org.retort.schema.MetaData;
            import org.retort.schema.Table;

            class Probe {
                static final Table POST = new MetaData().table("post", column("id", INTEGER, primaryKey()),
                        column("title", VARCHAR(50)), column("published", BOOLEAN), column("price", NUMERIC(10, 2)));
                static final Column<Integer> ID = POST.c("id", Integer.class);
                static final Column<String> TITLE = POST.c("title", String.class);
                static final Column<BigDecimal> PRICE = POST.c("price", BigDecimal.class);

                static Object probe() {
                    return %s;
                }
            }
            """;

    private static List<String> errors(String expression) {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(ENTITY, PROBE.formatted(expression));
        List<String> errors = result.messages(Diagnostic.Kind.ERROR);
        assertThat(result.success()).as(expression + ": " + errors).isEqualTo(errors.isEmpty());
        return errors;
    }

    @Test
    void wrongValueTypesAreCompileErrors() {
        assertThat(errors("Account_.username.eq(5)")).singleElement().asString().contains("no suitable method found for eq(int)");
        assertThat(errors("Account_.active.eq(\"yes\")")).isNotEmpty();
        assertThat(errors("Account_.id.in(List.of(\"a\", \"b\"))")).isNotEmpty();
        assertThat(errors("POST.c(\"published\", Boolean.class).eq(\"yes\")")).isNotEmpty();
        assertThat(errors("TITLE.eq(5)")).isNotEmpty();
        assertThat(errors("ID.between(\"a\", \"z\")")).isNotEmpty();
        assertThat(errors("PRICE.gt(\"cheap\")")).isNotEmpty();
        assertThat(errors("Account_.id.eq(5)")).as("a Long attribute compares with longs, as in jOOQ").isNotEmpty();
    }

    @Test
    void rightValueTypesCompile() {
        assertThat(errors("Account_.username.eq(\"ada\").and(Account_.id.in(1L, 2L), Account_.active.eq(true))")).isEmpty();
        assertThat(errors("TITLE.eq(\"x\").and(ID.in(1, 2, 3), ID.between(1, 9), PRICE.gt(new BigDecimal(\"9.99\")))")).isEmpty();
        assertThat(errors("ID.eq(ID.plus(1)).and(TITLE.eq(func.lower(TITLE)), ID.in(select(ID).where(TITLE.isNull())))")).isEmpty();
        assertThat(errors("ID.in(ID.plus(1), literal(7)).and(TITLE.notIn(List.of(\"a\", \"b\")), func.count().gt(1L))")).isEmpty();
    }

    @Test
    void untypedColumnsTakeAnyValue() {
        assertThat(errors("POST.c(\"title\").eq(5)")).isEmpty();
        assertThat(errors("POST.c(\"title\").eq(null)")).isEmpty();
        assertThat(errors("TITLE.untyped().eq(5)")).isEmpty();
        assertThat(errors("POST.alias(\"p\").c(\"id\").in(1, 2)")).isEmpty();
    }
}
