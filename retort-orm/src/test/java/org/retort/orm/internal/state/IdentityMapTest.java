package org.retort.orm.internal.state;

import org.retort.orm.Model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.retort.orm.Model.User;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.IdentityKey;

/**
 * The session's identity map agrees with a HashMap under random puts, replacements and removals, and maps a state
 * only under its own key (the map reads each slot's key from its state).
 */
class IdentityMapTest {
    private static final Mapper<User> MAPPER = Model.registry().mapper(User.class);

    @Test
    void behavesLikeAHashMap() {
        IdentityMap map = new IdentityMap();
        Map<IdentityKey, EntityState> reference = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            IdentityKey key = IdentityKey.ofSingle(MAPPER, (long) random.nextInt(5_000));
            int op = random.nextInt(10);
            if (op < 6) {
                EntityState st = new EntityState(new User("u", null), MAPPER);
                st.key = key;
                assertThat(map.put(key, st)).isSameAs(reference.put(key, st));
            } else if (op < 9) {
                assertThat(map.remove(key)).isSameAs(reference.remove(key));
            } else {
                assertThat(map.get(key)).isSameAs(reference.get(key));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<IdentityKey, EntityState> e : reference.entrySet()) {
            assertThat(map.get(e.getKey())).isSameAs(e.getValue());
        }
        assertThat(new HashSet<>(map.values())).isEqualTo(new HashSet<>(reference.values()));
        assertThat(map.get(new IdentityKey(User.class, List.of(4_999)))).as("an Integer key finds the Long identity")
                .isSameAs(reference.get(IdentityKey.ofSingle(MAPPER, 4_999L)));
        map.reserve(100_000);
        assertThat(map.size()).isEqualTo(reference.size());
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.values()).isEmpty();
    }

    @Test
    void refusesAStateUnderAnotherKey() {
        IdentityMap map = new IdentityMap();
        EntityState st = new EntityState(new User("u", null), MAPPER);
        st.key = IdentityKey.ofSingle(MAPPER, 1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> map.put(IdentityKey.ofSingle(MAPPER, 2L), st))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own key");
        assertThat(map.put(IdentityKey.ofSingle(MAPPER, 1), st)).as("an equal key of another class of integer")
                .isNull();
        assertThat(map.get(IdentityKey.ofSingle(MAPPER, 1L))).isSameAs(st);
    }
}
