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
}
