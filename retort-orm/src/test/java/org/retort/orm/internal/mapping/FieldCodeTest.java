package org.retort.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The generated field accessors: every kind of field read and written as the field handles would. */
class FieldCodeTest {
    enum Mood { CALM, BUSY }

    /** Package-private, as a nested type of the entity's own package may be. */
    static final class Note {
        final String text;

        Note(String text) {
            this.text = text;
        }
    }

    @SuppressWarnings("unused")
    static class AllKinds {
        private int i;
        private long l;
        private short s;
        private byte b;
        private char c;
        private boolean z;
        private float f;
        private double d;
        private Integer boxed;
        private String text;
        private BigDecimal amount;
        private LocalDate day;
        private byte[] bytes;
        private String[] tags;
        private Mood mood;
        private Note note;
        private Object anything;
    }

    @SuppressWarnings("unused")
    static class Base {
        String inherited;
        private String secret;
    }

    static class Derived extends Base {
        String own;
    }

    static class WithFinal {
        final String fixed = "x";
    }

    private static List<java.lang.reflect.Field> fields(Class<?> c, List<String> names) {
        List<java.lang.reflect.Field> out = new java.util.ArrayList<>();
        for (String n : names) {
            java.lang.reflect.Field f = null;
            for (Class<?> k = c; k != null && f == null; k = k.getSuperclass()) {
                f = FieldCode.field(k, n);
            }
            out.add(f);
        }
        return out;
    }

    private static final List<String> ALL = List.of("i", "l", "s", "b", "c", "z", "f", "d", "boxed", "text", "amount",
            "day", "bytes", "tags", "mood", "note", "anything");

    @Test
    void readsAndWritesEveryKindOfFieldInPropertyOrder() {
        BiConsumer<Object, Object[]> reader = FieldCode.reader(AllKinds.class, fields(AllKinds.class, ALL));
        BiConsumer<Object, Object[]> writer = FieldCode.writer(AllKinds.class, fields(AllKinds.class, ALL));
        assertThat(reader).isNotNull();
        assertThat(writer).isNotNull();
        Note note = new Note("n");
        byte[] bytes = {1, 2};
        String[] tags = {"a"};
        Object anything = new Object();
        Object[] values = {7, 1L << 40, (short) -3, (byte) 9, 'q', true, 1.5f, -2.25, null, "héllo",
                new BigDecimal("12.50"), LocalDate.of(2026, 12, 3), bytes, tags, Mood.BUSY, note, anything};
        AllKinds o = new AllKinds();
        writer.accept(o, values);
        assertThat(o.i).isEqualTo(7);
        assertThat(o.l).isEqualTo(1L << 40);
        assertThat(o.s).isEqualTo((short) -3);
        assertThat(o.b).isEqualTo((byte) 9);
        assertThat(o.c).isEqualTo('q');
        assertThat(o.z).isTrue();
        assertThat(o.f).isEqualTo(1.5f);
        assertThat(o.d).isEqualTo(-2.25);
        assertThat(o.boxed).isNull();
        assertThat(o.text).isEqualTo("héllo");
        assertThat(o.bytes).isSameAs(bytes);
        assertThat(o.mood).isEqualTo(Mood.BUSY);
        assertThat(o.note).isSameAs(note);
        Object[] read = new Object[ALL.size() + 2];
        read[ALL.size()] = "untouched";
        reader.accept(o, read);
        assertThat(read).containsExactly(7, 1L << 40, (short) -3, (byte) 9, 'q', true, 1.5f, -2.25, null, "héllo",
                new BigDecimal("12.50"), LocalDate.of(2026, 12, 3), bytes, tags, Mood.BUSY, note, anything,
                "untouched", null);
    }

    @Test
    void aValueOfTheWrongTypeFailsAsTheFieldHandleWould() {
        BiConsumer<Object, Object[]> writer = FieldCode.writer(AllKinds.class, fields(AllKinds.class, List.of("text", "i")));
        AllKinds o = new AllKinds();
        assertThatThrownBy(() -> writer.accept(o, new Object[] {42, 1})).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> writer.accept(o, new Object[] {"x", null})).isInstanceOf(NullPointerException.class);
    }

    @Test
    void declinesWhatItCannotReachSoTheHandlesServe() {
        assertThat(FieldCode.reader(Derived.class, fields(Derived.class, List.of("own", "secret")))).isNull();
        assertThat(FieldCode.writer(WithFinal.class, fields(WithFinal.class, List.of("fixed")))).isNull();
        assertThat(FieldCode.reader(AllKinds.class, fields(AllKinds.class, List.of("noSuchField")))).isNull();
        assertThat(FieldCode.reader(Derived.class, fields(AllKinds.class, List.of("text")))).isNull();
    }

    @Test
    void readsAndWritesFieldsInheritedFromTheSamePackage() {
        List<java.lang.reflect.Field> both = fields(Derived.class, List.of("own", "inherited"));
        Derived o = new Derived();
        FieldCode.writer(Derived.class, both).accept(o, new Object[] {"mine", "from base"});
        assertThat(o.own).isEqualTo("mine");
        assertThat(o.inherited).isEqualTo("from base");
        Object[] read = new Object[2];
        FieldCode.reader(Derived.class, both).accept(o, read);
        assertThat(read).containsExactly("mine", "from base");
    }

    @Test
    void manyFieldsUseWideIndexes() {
        // indexes past 5 and past 127 take bipush and sipush; the same field may be listed more than once
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < 300; k++) {
            names.add(k % 2 == 0 ? "text" : "i");
        }
        AllKinds o = new AllKinds();
        o.text = "t";
        o.i = 5;
        Object[] read = new Object[300];
        FieldCode.reader(AllKinds.class, fields(AllKinds.class, names)).accept(o, read);
        assertThat(read[200]).isEqualTo("t");
        assertThat(read[299]).isEqualTo(5);
    }
}
