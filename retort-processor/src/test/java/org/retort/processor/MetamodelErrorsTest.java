package org.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** Classes the metamodel cannot describe are compile errors on the element at fault, with what to do instead. */
class MetamodelErrorsTest {

    private static InMemoryCompiler.Result fails(String... sources) {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(sources);
        assertThat(result.success()).isFalse();
        return result;
    }

    @Test
    void interfaceIsRejected() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public interface Named {
                    String name();
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("4: interface com.example.Named cannot be an "
                + "@Entity: only classes are mapped; annotate a class that implements it instead");
        assertThat(result.generatedSources()).isEmpty();
    }

    @Test
    void enumIsRejected() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public enum Color { RED, GREEN }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("4: enum com.example.Color cannot be an "
                + "@Entity: an enum is a column value type, not a table; use it as the type of a field of an entity");
    }

    @Test
    void recordIsRejected() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public record Point(int x, int y) {
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("4: record com.example.Point cannot be an "
                + "@Entity: an entity needs a no-argument constructor and fields the ORM can assign; declare it as a "
                + "class");
    }

    @Test
    void annotationTypeIsRejected() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public @interface Marker {
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("4: annotation type com.example.Marker "
                + "cannot be an @Entity: only classes are mapped");
    }

    @Test
    void innerClassIsRejectedButItsStaticSiblingIsGenerated() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                import org.retort.orm.annotation.Entity;

                public class Outer {
                    @Entity
                    public class Inner {
                        String name;
                    }

                    @Entity
                    public static class Nested {
                        String name;
                    }
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("7: inner class com.example.Outer.Inner "
                + "cannot be an @Entity: the ORM cannot create it without an instance of Outer; declare it static");
        assertThat(result.generatedSources()).containsOnlyKeys("com.example.Outer_Nested_");
    }

    /** Javac hands processors no elements inside method bodies, so a local entity class simply gets none. */
    @Test
    void localClassGetsNoMetamodel() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile("""
                package com.example;

                public class Factory {
                    Object make() {
                        @org.retort.orm.annotation.Entity
                        class Local {
                            String name;
                        }
                        return new Local();
                    }
                }
                """);
        assertThat(result.success()).isTrue();
        assertThat(result.generatedSources()).isEmpty();
    }

    @Test
    void privateNestedClassIsRejected() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                public class Holder {
                    @org.retort.orm.annotation.Entity
                    private static class Hidden {
                        String name;
                    }
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("5: @Entity class com.example.Holder.Hidden "
                + "is not visible in its package because it is private, so its metamodel Holder_Hidden_ cannot refer "
                + "to it; make it package-private or wider");
    }

    @Test
    void genericClassIsRejected() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Box<T> {
                    T content;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("4: @Entity class com.example.Box declares "
                + "type parameters <T>: a mapped class must be concrete; map a non-generic subclass instead");
    }

    @Test
    void fieldHidingAnInheritedFieldIsAnErrorOnThatField() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                public abstract class Base {
                    Long id;
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Thing extends Base {
                    String name;
                    Long id;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("6: field id of com.example.Thing clashes with "
                + "field id of com.example.Base: the metamodel Thing_ holds one attribute per name; rename one of them "
                + "or mark one @Transient");
    }

    @Test
    void hiddenFieldMarkedTransientIsFine() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile("""
                package com.example;

                public abstract class Base {
                    Long id;
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Thing extends Base {
                    @org.retort.orm.annotation.Transient
                    Long id;
                }
                """);
        assertThat(result.success()).isTrue();
        assertThat(result.generated("com.example.Thing_")).contains("/** {@link com.example.Base#id}, inherited. */");
    }

    @Test
    void fieldNamedLikeTheAttributeTypeIsAnError() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Odd {
                    String ColumnAttribute;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactly("5: field ColumnAttribute of com.example.Odd "
                + "clashes with the type ColumnAttribute that the metamodel Odd_ uses for its attributes; rename the "
                + "field");
    }

    @Test
    void unresolvedFieldTypeFailsWithJavacsErrorAndOurs() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Broken {
                    Missing thing;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).anySatisfy(m -> assertThat(m).contains("Missing"))
                .anySatisfy(m -> assertThat(m).isEqualTo("4: No metamodel class was written for @Entity "
                        + "com.example.Broken: the type Missing of field thing in com.example.Broken could not be "
                        + "resolved"));
        assertThat(result.generatedSources()).isEmpty();
    }

    @Test
    void metamodelNameTakenByAnotherClassIsAnError() {
        InMemoryCompiler.Result result = fails("""
                package com.example;

                public class Pair_ {
                }
                """, """
                package com.example;

                @org.retort.orm.annotation.Entity
                public class Pair {
                    String left;
                }
                """);
        assertThat(result.messages(Diagnostic.Kind.ERROR)).anySatisfy(m -> assertThat(m)
                .startsWith("4: Could not write the metamodel class com.example.Pair_ of @Entity com.example.Pair: "));
    }
}
