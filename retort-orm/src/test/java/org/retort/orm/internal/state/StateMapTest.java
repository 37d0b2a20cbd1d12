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

/** A load's state-keyed map behaves as an {@code IdentityHashMap} of states would, through its growth. */
class StateMapTest {
    private static final Mapper<User> MAPPER = Model.registry().mapper(User.class);

    @Test
    void matchesAnIdentityHashMapThroughPutsReplacementsAndGrowth() {
        List<EntityState> states = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            states.add(new EntityState(new User("same", null), MAPPER)); // equal objects, distinct states
        }
        StateMap<Integer> map = new StateMap<>();
        Map<EntityState, Integer> model = new IdentityHashMap<>();
        Random random = new Random(3);
        for (int step = 0; step < 20_000; step++) {
            EntityState st = states.get(random.nextInt(states.size()));
            assertThat(map.get(st)).isEqualTo(model.get(st));
            map.put(st, step);
            model.put(st, step);
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (EntityState st : states) {
            assertThat(map.get(st)).isEqualTo(model.get(st));
        }
        assertThat(map.get(new EntityState(new User("x", null), MAPPER))).isNull();
    }
}
