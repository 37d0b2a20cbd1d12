package org.retort.orm.internal.state;

import org.retort.orm.Model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.retort.orm.Model.Address;
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
            randomStep(map, reference, key, new EntityState(new User("u", null), MAPPER), random.nextInt(10));
            assertThat(map.size()).isEqualTo(reference.size());
        }
        assertAgree(map, reference);
        assertThat(map.get(new IdentityKey(User.class, List.of(4_999)))).as("an Integer key finds the Long identity")
                .isSameAs(reference.get(IdentityKey.ofSingle(MAPPER, 4_999L)));
        map.reserve(User.class, 100_000);
        assertThat(map.size()).isEqualTo(reference.size());
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.values()).isEmpty();
    }

    @Test
    void keepsClassesApartAndSurvivesKeysThatCollideInTheLowBits() {
        Mapper<Address> addresses = Model.registry().mapper(Address.class);
        IdentityMap map = new IdentityMap();
        Map<IdentityKey, EntityState> reference = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 100_000; step++) {
            int which = random.nextInt(3);
            long id = random.nextInt(3_000);
            // users by consecutive ids, addresses by the same ids (two classes, one id range), and users again
            // by multiples of 2^20 (keys far apart that share their low bits)
            IdentityKey key = which == 0 ? IdentityKey.ofSingle(MAPPER, id)
                    : which == 1 ? IdentityKey.ofSingle(addresses, id) : IdentityKey.ofSingle(MAPPER, (id + 4_000) << 20);
            EntityState st = which == 1 ? new EntityState(new Address("e", 1L), addresses)
                    : new EntityState(new User("u", null), MAPPER);
            randomStep(map, reference, key, st, random.nextInt(10));
        }
        assertAgree(map, reference);
        assertThat(map.get(IdentityKey.ofSingle(addresses, 5_000L))).isNull();
    }

    /** Puts (op 0-5, the state under the key), removes (6-8) or gets (9) the key in both maps; they must agree. */
    private static void randomStep(IdentityMap map, Map<IdentityKey, EntityState> reference, IdentityKey key,
            EntityState st, int op) {
        if (op < 6) {
            st.key = key;
            assertThat(map.put(key, st)).isSameAs(reference.put(key, st));
        } else if (op < 9) {
            assertThat(map.remove(key)).isSameAs(reference.remove(key));
        } else {
            assertThat(map.get(key)).isSameAs(reference.get(key));
        }
    }

    private static void assertAgree(IdentityMap map, Map<IdentityKey, EntityState> reference) {
        assertThat(map.size()).isEqualTo(reference.size());
        for (Map.Entry<IdentityKey, EntityState> e : reference.entrySet()) {
            assertThat(map.get(e.getKey())).isSameAs(e.getValue());
        }
        assertThat(map.values()).hasSize(reference.size()).containsExactlyInAnyOrderElementsOf(reference.values());
    }

    @Test
    void aClassWhoseKeysShareTheirSlotFallsBackToScatteredSlots() {
        IdentityMap map = new IdentityMap();
        int base = IdentityKey.ofSingle(MAPPER, 0L).hashCode(); // the class's part of every key's hash
        List<IdentityKey> keys = new java.util.ArrayList<>();
        for (int x = 1; x <= 2_000; x++) {
            // a key whose hash is x * 65537: hash ^ (hash >>> 16) has all its low 16 bits zero, one home slot for all
            keys.add(IdentityKey.ofSingle(MAPPER, Integer.toUnsignedLong(x * 65_537 - base)));
        }
        assertThat(keys.get(5).hashCode()).isEqualTo(6 * 65_537);
        for (IdentityKey key : keys) {
            EntityState st = new EntityState(new User("u", null), MAPPER);
            st.key = key;
            map.put(key, st);
        }
        assertThat(map.isScattered(User.class)).isTrue();
        for (IdentityKey key : keys) {
            assertThat(map.get(key).key).isSameAs(key);
        }
        assertThat(map.size()).isEqualTo(2_000);

        IdentityMap sequential = new IdentityMap();
        for (long id = 1; id <= 2_000; id++) {
            EntityState st = new EntityState(new User("u", null), MAPPER);
            st.key = IdentityKey.ofSingle(MAPPER, id);
            sequential.put(st.key, st);
        }
        assertThat(sequential.isScattered(User.class)).as("consecutive keys keep consecutive slots").isFalse();
        for (long id = 1; id <= 2_000; id++) { // each removal would walk the rest of its run, were it not scattered
            assertThat(sequential.remove(IdentityKey.ofSingle(MAPPER, id))).isNotNull();
        }
        assertThat(sequential.isScattered(User.class)).as("a long removal walk scatters").isTrue();
        assertThat(sequential.size()).isZero();
    }

    @Test
    void aLookupThatScattersTheTableReadsTheStateFromTheTableAsRearranged() {
        // 24 keys in one run from one home slot: looking up a 25th with that home probes the whole run, which makes
        // the lookup itself fall back to scattered slots; it must then read its answer from the new slots
        int base = IdentityKey.ofSingle(MAPPER, 0L).hashCode();
        IdentityMap map = new IdentityMap();
        List<EntityState> states = new java.util.ArrayList<>();
        for (int x = 1; x <= 24; x++) {
            EntityState st = new EntityState(new User("u", null), MAPPER);
            st.key = IdentityKey.ofSingle(MAPPER, Integer.toUnsignedLong(x * 65_537 - base));
            map.put(st.key, st);
            states.add(st);
        }
        assertThat(map.isScattered(User.class)).isFalse();
        assertThat(map.get(IdentityKey.ofSingle(MAPPER, Integer.toUnsignedLong(25 * 65_537 - base)))).isNull();
        assertThat(map.isScattered(User.class)).isTrue();
        for (EntityState st : states) {
            assertThat(map.get(st.key)).isSameAs(st);
        }
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
