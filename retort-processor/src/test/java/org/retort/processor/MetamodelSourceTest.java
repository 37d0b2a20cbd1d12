package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact source the processor writes for each kind of entity, and that the source compiles. */
class MetamodelSourceTest {

    @Test
    void simpleEntity() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                import org.retort.orm.annotation.Entity;
                import org.retort.orm.annotation.MappedColumn;

                @Entity(table = "user_account")
                public class User {
                    @MappedColumn(primaryKey = true)
                    Long id;
                    String name;
                }
                """);
        assertThat(result.generated("com.example.User_")).isEqualTo("""
                package com.example;

                import javax.annotation.processing.Generated;
                import org.retort.orm.metamodel.ColumnAttribute;

                /** Metamodel of {@link User}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class User_ {
                    private User_() {
                    }

                    /** {@link User#id}. */
                    public static final ColumnAttribute<User, Long> id = ColumnAttribute.of(User.class, "id", Long.class);

                    /** {@link User#name}. */
                    public static final ColumnAttribute<User, String> name = ColumnAttribute.of(User.class, "name", String.class);
                }
                """);
        assertThat(result.classes()).containsKeys("com.example.User", "com.example.User_");
    }

    @Test
    void primitivesAreBoxed() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                @org.retort.orm.annotation.Entity
                class Sample {
                    boolean b; byte by; short s; int i; long l; char c; float f; double d;
                }
                """);
        assertThat(result.generated("com.example.Sample_")).contains("""
                    /** {@link Sample#b}. */
                    public static final ColumnAttribute<Sample, Boolean> b = ColumnAttribute.of(Sample.class, "b", Boolean.class);

                    /** {@link Sample#by}. */
                    public static final ColumnAttribute<Sample, Byte> by = ColumnAttribute.of(Sample.class, "by", Byte.class);

                    /** {@link Sample#s}. */
                    public static final ColumnAttribute<Sample, Short> s = ColumnAttribute.of(Sample.class, "s", Short.class);

                    /** {@link Sample#i}. */
                    public static final ColumnAttribute<Sample, Integer> i = ColumnAttribute.of(Sample.class, "i", Integer.class);

                    /** {@link Sample#l}. */
                    public static final ColumnAttribute<Sample, Long> l = ColumnAttribute.of(Sample.class, "l", Long.class);

                    /** {@link Sample#c}. */
                    public static final ColumnAttribute<Sample, Character> c = ColumnAttribute.of(Sample.class, "c", Character.class);

                    /** {@link Sample#f}. */
                    public static final ColumnAttribute<Sample, Float> f = ColumnAttribute.of(Sample.class, "f", Float.class);

                    /** {@link Sample#d}. */
                    public static final ColumnAttribute<Sample, Double> d = ColumnAttribute.of(Sample.class, "d", Double.class);
                }
                """);
    }

    @Test
    void arraysKeepTheirComponentType() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                @org.retort.orm.annotation.Entity
                class Document {
                    byte[] content;
                    String[] tags;
                }
                """);
        assertThat(result.generated("com.example.Document_")).contains("""
                    public static final ColumnAttribute<Document, byte[]> content = ColumnAttribute.of(Document.class, "content", byte[].class);
                """, """
                    public static final ColumnAttribute<Document, String[]> tags = ColumnAttribute.of(Document.class, "tags", String[].class);
                """);
    }

    @Test
    void typeUseAnnotationsDoNotLeakIntoTheMetamodel() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                import java.lang.annotation.ElementType;
                import java.lang.annotation.Target;

                @Target(ElementType.TYPE_USE)
                @interface Nullable {
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                class Profile {
                    @Nullable String nick;
                    byte @Nullable [] avatar;
                    java.time.@Nullable LocalDate born;
                }
                """);
        assertThat(result.generated("com.example.Profile_")).contains(
                "ColumnAttribute<Profile, String> nick = ColumnAttribute.of(Profile.class, \"nick\", String.class);",
                "ColumnAttribute<Profile, byte[]> avatar = ColumnAttribute.of(Profile.class, \"avatar\", byte[].class);",
                "ColumnAttribute<Profile, LocalDate> born = ColumnAttribute.of(Profile.class, \"born\", LocalDate.class);");
    }

    @Test
    void enumsUuidTimeAndDecimalTypesAreImported() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example.shop;

                public enum Status { NEW, SHIPPED }
                """, """
                package com.example.shop;

                import java.math.BigDecimal;
                import java.time.Instant;
                import java.time.LocalDate;
                import java.time.OffsetDateTime;
                import java.util.UUID;
                import org.retort.orm.annotation.Entity;

                @Entity
                public class Order {
                    UUID id;
                    Status status;
                    Priority priority;
                    BigDecimal total;
                    LocalDate due;
                    OffsetDateTime placed;
                    Instant updated;

                    public enum Priority { LOW, HIGH }
                }
                """);
        assertThat(result.generated("com.example.shop.Order_")).isEqualTo("""
                package com.example.shop;

                import java.math.BigDecimal;
                import java.time.Instant;
                import java.time.LocalDate;
                import java.time.OffsetDateTime;
                import java.util.UUID;
                import javax.annotation.processing.Generated;
                import org.retort.orm.metamodel.ColumnAttribute;

                /** Metamodel of {@link Order}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class Order_ {
                    private Order_() {
                    }

                    /** {@link Order#id}. */
                    public static final ColumnAttribute<Order, UUID> id = ColumnAttribute.of(Order.class, "id", UUID.class);

                    /** {@link Order#status}. */
                    public static final ColumnAttribute<Order, Status> status = ColumnAttribute.of(Order.class, "status", Status.class);

                    /** {@link Order#priority}. */
                    public static final ColumnAttribute<Order, Order.Priority> priority = ColumnAttribute.of(Order.class, "priority", Order.Priority.class);

                    /** {@link Order#total}. */
                    public static final ColumnAttribute<Order, BigDecimal> total = ColumnAttribute.of(Order.class, "total", BigDecimal.class);

                    /** {@link Order#due}. */
                    public static final ColumnAttribute<Order, LocalDate> due = ColumnAttribute.of(Order.class, "due", LocalDate.class);

                    /** {@link Order#placed}. */
                    public static final ColumnAttribute<Order, OffsetDateTime> placed = ColumnAttribute.of(Order.class, "placed", OffsetDateTime.class);

                    /** {@link Order#updated}. */
                    public static final ColumnAttribute<Order, Instant> updated = ColumnAttribute.of(Order.class, "updated", Instant.class);
                }
                """);
    }

    @Test
    void clashingSimpleNamesFallBackToCanonicalNames() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                public class String {
                }
                """, """
                package com.example;

                public class Generated {
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Event {
                    java.lang.String title;
                    java.util.Date day;
                    java.sql.Date sqlDay;
                    Generated origin;
                }
                """);
        assertThat(result.generated("com.example.Event_")).isEqualTo("""
                package com.example;

                import java.util.Date;
                import javax.annotation.processing.Generated;
                import org.retort.orm.metamodel.ColumnAttribute;

                /** Metamodel of {@link Event}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class Event_ {
                    private Event_() {
                    }

                    /** {@link Event#title}. */
                    public static final ColumnAttribute<Event, java.lang.String> title = ColumnAttribute.of(Event.class, "title", java.lang.String.class);

                    /** {@link Event#day}. */
                    public static final ColumnAttribute<Event, Date> day = ColumnAttribute.of(Event.class, "day", Date.class);

                    /** {@link Event#sqlDay}. */
                    public static final ColumnAttribute<Event, java.sql.Date> sqlDay = ColumnAttribute.of(Event.class, "sqlDay", java.sql.Date.class);

                    /** {@link Event#origin}. */
                    public static final ColumnAttribute<Event, com.example.Generated> origin = ColumnAttribute.of(Event.class, "origin", com.example.Generated.class);
                }
                """);
    }

    @Test
    void fieldsNamedLikeTypesOrPackagesStillCompile() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Weird {
                    String String;
                    java.util.UUID Weird;
                    long Long;
                    String org;
                    String java;
                    String of;
                }
                """);
        assertThat(result.generated("com.example.Weird_")).contains(
                "ColumnAttribute<Weird, String> String = ColumnAttribute.of(Weird.class, \"String\", String.class);",
                "ColumnAttribute<Weird, UUID> Weird = ColumnAttribute.of(Weird.class, \"Weird\", UUID.class);",
                "ColumnAttribute<Weird, Long> Long = ColumnAttribute.of(Weird.class, \"Long\", Long.class);");
    }

    @Test
    void entityInTheUnnamedPackageAndWithoutFields() {
        InMemoryCompiler.Result result = InMemoryCompiler.compileCleanly("""
                @org.retort.orm.annotation.Entity
                public class Marker {
                }
                """);
        assertThat(result.generated("Marker_")).isEqualTo("""
                import javax.annotation.processing.Generated;

                /** Metamodel of {@link Marker}: one attribute per mapped field. */
                @Generated("org.retort.processor.MetamodelProcessor")
                public final class Marker_ {
                    private Marker_() {
                    }
                }
                """);
    }

    @Test
    void theSameSourcesAlwaysGiveTheSameText() {
        String source = """
                package com.example;

                @org.retort.orm.annotation.Entity
                class Repeat {
                    java.util.UUID id; String a; int b; java.time.LocalTime c; byte[] d;
                }
                """;
        assertThat(InMemoryCompiler.compileCleanly(source).generated("com.example.Repeat_"))
                .isEqualTo(InMemoryCompiler.compileCleanly(source).generated("com.example.Repeat_"));
    }
}
