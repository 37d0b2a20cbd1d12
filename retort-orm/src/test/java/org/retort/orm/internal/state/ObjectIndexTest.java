package org.retort.orm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.retort.orm.Model;
import org.retort.orm.Model.User;
import org.retort.orm.mapping.Mapper;

/** The session's object index behaves as an {@code IdentityHashMap} of objects to states would. */
class ObjectIndexTest {
    private static final Mapper<User> MAPPER = Model.registry().mapper(User.class);

    @Test
    void matchesAnIdentityHashMapThroughRandomPutsRemovesAndReserves() {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // equal objects that are not the same: the index must tell them apart by identity
            objects.add(i % 2 == 0 ? new User("same", null) : Integer.valueOf(1_000_000 + i / 2));
        }
        ObjectIndex index = new ObjectIndex();
        Map<Object, EntityState> model = new IdentityHashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 60_000; step++) {
            Object o = objects.get(random.nextInt(objects.size()));
            int op = random.nextInt(100);
            if (op < 55) {
                EntityState st = new EntityState(new User("u", null), MAPPER);
                assertThat(index.put(o, st)).isSameAs(model.put(o, st));
            } else if (op < 95) {
                assertThat(index.remove(o)).isSameAs(model.remove(o));
            } else if (op < 99) {
                assertThat(index.get(o)).isSameAs(model.get(o));
            } else {
                index.reserve(random.nextInt(500));
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (Object o : objects) {
            assertThat(index.get(o)).isSameAs(model.get(o));
        }
        assertThat(index.get(new Object())).isNull();
    }

    @Test
    void aPutAfterAMissedLookupLandsWhereLookupsFindItThoughTheTableChangedBetween() {
        // adding an object is get (a miss remembers its slot), then put: here other objects are put, removed
        // (which moves entries of a run back) and room reserved (which moves every entry) between the two
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            objects.add(new User("u" + i, null));
        }
        ObjectIndex index = new ObjectIndex();
        Map<Object, EntityState> model = new IdentityHashMap<>();
        Random random = new Random(11);
        for (int step = 0; step < 40_000; step++) {
            if (step % 300 == 0) { // a new table now and then, so that reserving grows it often
                for (Object o : objects) {
                    assertThat(index.get(o)).isSameAs(model.get(o));
                }
                index = new ObjectIndex();
                model.clear();
            }
            Object o = objects.get(random.nextInt(objects.size()));
            assertThat(index.get(o)).isSameAs(model.get(o));
            Object other = objects.get(random.nextInt(objects.size()));
            switch (random.nextInt(4)) {
                case 0 -> assertThat(index.remove(other)).isSameAs(model.remove(other));
                case 1 -> {
                    EntityState st = new EntityState(new User("x", null), MAPPER);
                    assertThat(index.put(other, st)).isSameAs(model.put(other, st));
                }
                case 2 -> index.reserve(random.nextInt(300));
                default -> {
                    // nothing between: the remembered slot is used
                }
            }
            if (random.nextInt(3) > 0) {
                EntityState st = new EntityState(new User("y", null), MAPPER);
                assertThat(index.put(o, st)).isSameAs(model.put(o, st));
            } else {
                assertThat(index.remove(o)).isSameAs(model.remove(o));
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (Object o : objects) {
            assertThat(index.get(o)).isSameAs(model.get(o));
        }
    }
}
