package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** Which fields become attributes: inherited, nested, transient and relationship fields, exactly as written. */
class MetamodelFieldsTest {

    @Test
    void inheritedFieldsComeFirstFromEveryMappedSuperclass() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                public abstract class Audited {
                    java.time.Instant created;
                    static int instances;
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Person extends Audited {
                    Long id;
                    String name;
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Employee extends Person {
                    int grade;
                }
                """);
        assertThat(result.generated("com.example.Employee_")).isEqualTo("""
                package com.example;

                import java.time.Instant;
                import javax.annotation.processing.Generated;
                import org.retort.orm.metamodel.ColumnAttribute;

                /** Metamodel of {@link Employee}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class Employee_ {
                    private Employee_() {
                    }

                    /** {@link com.example.Audited#created}, inherited. */
                    public static final ColumnAttribute<Employee, Instant> created = ColumnAttribute.of(Employee.class, "created", Instant.class);

                    /** {@link com.example.Person#id}, inherited. */
                    public static final ColumnAttribute<Employee, Long> id = ColumnAttribute.of(Employee.class, "id", Long.class);

                    /** {@link com.example.Person#name}, inherited. */
                    public static final ColumnAttribute<Employee, String> name = ColumnAttribute.of(Employee.class, "name", String.class);

                    /** {@link Employee#grade}. */
                    public static final ColumnAttribute<Employee, Integer> grade = ColumnAttribute.of(Employee.class, "grade", Integer.class);
                }
                """);
        assertThat(result.generated("com.example.Person_")).contains(
                "ColumnAttribute<Person, Instant> created = ColumnAttribute.of(Person.class, \"created\", Instant.class);",
                "ColumnAttribute<Person, String> name").doesNotContain("grade");
        assertThat(result.generatedSources()).doesNotContainKey("com.example.Audited_");
    }

    @Test
    void typeArgumentsOfAGenericSuperclassApply() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                public abstract class Keyed<K> {
                    K id;
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Tag extends Keyed<String> {
                    String label;
                }
                """);
        assertThat(result.generated("com.example.Tag_")).contains(
                "ColumnAttribute<Tag, String> id = ColumnAttribute.of(Tag.class, \"id\", String.class);",
                "ColumnAttribute<Tag, String> label = ColumnAttribute.of(Tag.class, \"label\", String.class);");
    }

    @Test
    void nestedEntityGetsTheOuterNamesJoined() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                import org.retort.orm.annotation.Entity;

                public class Catalog {
                    @Entity
                    public static class Item {
                        String sku;
                    }

                    public interface Parts {
                        @Entity
                        class Bolt {
                            double size;
                        }
                    }
                }
                """);
        assertThat(result.generated("com.example.Catalog_Item_")).isEqualTo("""
                package com.example;

                import javax.annotation.processing.Generated;
                import org.retort.orm.metamodel.ColumnAttribute;

                /** Metamodel of {@link Catalog.Item}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class Catalog_Item_ {
                    private Catalog_Item_() {
                    }

                    /** {@link Catalog.Item#sku}. */
                    public static final ColumnAttribute<Catalog.Item, String> sku = ColumnAttribute.of(Catalog.Item.class, "sku", String.class);
                }
                """);
        assertThat(result.generated("com.example.Catalog_Parts_Bolt_")).contains(
                "public final class Catalog_Parts_Bolt_ {",
                "ColumnAttribute<Catalog.Parts.Bolt, Double> size = ColumnAttribute.of(Catalog.Parts.Bolt.class, \"size\", Double.class);");
        assertThat(result.generatedSources()).doesNotContainKey("com.example.Catalog_");
    }

    @Test
    void transientAndStaticFieldsAreSkipped() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                import org.retort.orm.annotation.Entity;
                import org.retort.orm.annotation.Transient;

                @Entity
                class Session {
                    static final long serialVersionUID = 1L;
                    static int opened;
                    Long id;
                    transient Object cache;
                    @Transient
                    String displayName;
                    String token;
                }
                """);
        String source = result.generated("com.example.Session_");
        assertThat(source).contains(" id = ", " token = ")
                .doesNotContain("serialVersionUID", "opened", "cache", "displayName");
    }

    @Test
    void unannotatedRelatedAndGenericFieldsAreSkippedWithANote() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Address {
                    Long id;
                }
                """, """
                package com.example;

                import java.util.List;
                import java.util.Map;
                import org.retort.orm.annotation.Entity;

                @Entity
                public class Customer {
                    Long id;
                    List<Address> addresses;
                    Map<String, Integer> scores;
                    Address billing;
                    java.util.Optional<String> nickname;
                    String name;
                }
                """);
        assertThat(result.generated("com.example.Customer_")).isEqualTo("""
                package com.example;

                import javax.annotation.processing.Generated;
                import org.retort.orm.metamodel.ColumnAttribute;

                /** Metamodel of {@link Customer}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class Customer_ {
                    private Customer_() {
                    }

                    /** {@link Customer#id}. */
                    public static final ColumnAttribute<Customer, Long> id = ColumnAttribute.of(Customer.class, "id", Long.class);

                    /** {@link Customer#name}. */
                    public static final ColumnAttribute<Customer, String> name = ColumnAttribute.of(Customer.class, "name", String.class);
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.NOTE)).containsExactly(
                "10: Retort metamodel: no attribute for field addresses of com.example.Customer: its type "
                        + "java.util.List<com.example.Address> holds related objects; annotate the field @Relationship "
                        + "to map a relationship (its metamodel attribute is then a RelationshipAttribute), or mark it "
                        + "@Transient",
                "11: Retort metamodel: no attribute for field scores of com.example.Customer: its type "
                        + "java.util.Map<java.lang.String,java.lang.Integer> holds related objects; annotate the field "
                        + "@Relationship to map a relationship (its metamodel attribute is then a "
                        + "RelationshipAttribute), or mark it @Transient",
                "12: Retort metamodel: no attribute for field billing of com.example.Customer: its type "
                        + "com.example.Address holds related objects; annotate the field @Relationship to map a "
                        + "relationship (its metamodel attribute is then a RelationshipAttribute), or mark it "
                        + "@Transient",
                "13: Retort metamodel: no attribute for field nickname of com.example.Customer: its type "
                        + "java.util.Optional<java.lang.String> is generic, and column attributes are written for "
                        + "non-generic types only");
    }
}
