package org.retort.orm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.retort.orm.Model;
import org.retort.orm.Model.User;
import org.retort.orm.mapping.Mapper;

/** The session's pending and to-delete sets: they behave as a {@code LinkedHashSet} of states would. */
class StateSetTest {
    private static final Mapper<User> MAPPER = Model.registry().mapper(User.class);

    private static List<EntityState> states(int n) {
        List<EntityState> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new EntityState(new User("u" + i, null), MAPPER));
        }
        return out;
    }

    @Test
    void matchesALinkedHashSetThroughRandomAddsRemovesAndClears() {
        List<EntityState> all = states(200);
        StateSet set = new StateSet(0);
        Set<EntityState> model = new LinkedHashSet<>();
        Random random = new Random(42);
        for (int step = 0; step < 20_000; step++) {
            EntityState st = all.get(random.nextInt(all.size()));
            int op = random.nextInt(100);
            if (op < 55) {
                assertThat(set.add(st)).isEqualTo(model.add(st));
            } else if (op < 99) {
                assertThat(set.remove(st)).isEqualTo(model.remove(st));
            } else {
                set.clear();
                model.clear();
            }
            assertThat(set.contains(st)).isEqualTo(model.contains(st));
            assertThat(set.size()).isEqualTo(model.size());
            if (step % 97 == 0) {
                assertThat(new ArrayList<>(set)).as("iteration order at step %d", step).containsExactlyElementsOf(model);
            }
        }
        assertThat(new ArrayList<>(set)).containsExactlyElementsOf(model);
    }

    @Test
    void twoSetsOfASessionHoldTheSameStateIndependently() {
        List<EntityState> all = states(3);
        StateSet pending = new StateSet(0);
        StateSet toDelete = new StateSet(1);
        pending.addAll(all);
        toDelete.add(all.get(1));
        pending.remove(all.get(1));
        assertThat(pending).containsExactly(all.get(0), all.get(2));
        assertThat(toDelete).containsExactly(all.get(1));
        toDelete.clear();
        assertThat(pending).containsExactly(all.get(0), all.get(2));
        pending.add(all.get(1));
        assertThat(pending).as("re-added after its removal: last").containsExactly(all.get(0), all.get(2), all.get(1));
        assertThatThrownBy(() -> new StateSet(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
