package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.retort.engine.Engine;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Every derived field type survives a flush and a reload, and in-place changes of arrays and JSON are seen. */
class TypeRoundTripTest {

    enum Size { SMALL, LARGE }

    @Entity
    static class Gadget {
        @MappedColumn(primaryKey = true)
        Long id;
        boolean active;
        short slot;
        double weight;
        Float ratio;
        @MappedColumn(precision = 10, scale = 2)
        BigDecimal price;
        LocalDate madeOn;
        LocalDateTime checkedAt;
        UUID serial;
        byte[] firmware;
        Size size;
        ObjectNode spec;

        Gadget() {
        }
    }

    @BackendTest
    void fieldsOfEveryDerivedTypeRoundTripAndInPlaceChangesAreDirty(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Gadget.class).metadata().createAll(engine);
        ObjectMapper json = new ObjectMapper();
        Gadget g = new Gadget();
        g.active = true;
        g.slot = 3;
        g.weight = 1.5;
        g.ratio = 0.25f;
        g.price = new BigDecimal("12.50");
        g.madeOn = LocalDate.of(2020, 2, 29);
        g.checkedAt = LocalDateTime.of(2024, 5, 6, 7, 8, 9);
        g.serial = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        g.firmware = new byte[] {1, 2, 3};
        g.size = Size.LARGE;
        g.spec = json.createObjectNode().put("volts", 12);
        try (Session session = Session.of(engine)) {
            session.add(g);
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            Gadget loaded = session.get(Gadget.class, g.id);
            assertThat(loaded).isNotSameAs(g);
            assertThat(loaded.active).isTrue();
            assertThat(loaded.slot).isEqualTo((short) 3);
            assertThat(loaded.weight).isEqualTo(1.5);
            assertThat(loaded.ratio).isEqualTo(0.25f);
            assertThat(loaded.price).isEqualByComparingTo("12.50");
            assertThat(loaded.madeOn).isEqualTo(g.madeOn);
            assertThat(loaded.checkedAt).isEqualTo(g.checkedAt);
            assertThat(loaded.serial).isEqualTo(g.serial);
            assertThat(loaded.firmware).containsExactly(1, 2, 3);
            assertThat(loaded.size).isEqualTo(Size.LARGE);
            assertThat(loaded.spec.get("volts").asInt()).isEqualTo(12);
            assertThat(session.isModified(loaded)).isFalse();
            loaded.firmware[0] = 9;
            loaded.spec.put("volts", 24);
            assertThat(session.inspect(loaded).modifiedAttributes()).containsExactly("firmware", "spec");
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            Gadget again = session.get(Gadget.class, g.id);
            assertThat(again.firmware).containsExactly(9, 2, 3);
            assertThat(again.spec.get("volts").asInt()).isEqualTo(24);
        }
    }
}
