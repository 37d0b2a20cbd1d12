package org.retort.orm.internal.state;

import org.retort.orm.Model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retort.orm.Model.User;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.IdentityKey;

/** The detached-state table: lookups after many registrations and removals, and entries leaving with their objects. */
class DetachedStatesTest {
    private static final Mapper<User> MAPPER = Model.registry().mapper(User.class);

    private static EntityState detachedState(User u, long id) {
        EntityState st = new EntityState(u, MAPPER);
        st.key = IdentityKey.of(MAPPER, new Object[] {id});
        st.committed = new Object[MAPPER.properties().size()];
        return st;
    }

    @Test
    void everyRegisteredObjectIsFoundUntilRemovedAndNoOtherObjectIs() {
        int base = 1_000_000;
        List<User> users = new ArrayList<>();
        List<EntityState> states = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            User u = new User("u" + i, null);
            users.add(u);
            states.add(detachedState(u, base + i));
        }
        DetachedStates.detachAll(states, states.size());
        for (int i = 0; i < users.size(); i += 3) {
            DetachedStates.remove(users.get(i));
        }
        for (int i = 0; i < users.size(); i++) {
            DetachedStates.Entry e = DetachedStates.get(users.get(i));
            if (i % 3 == 0) {
                assertThat(e).as("removed %d", i).isNull();
            } else {
                assertThat(e).as("kept %d", i).isNotNull();
                assertThat(e.key().values()).containsExactly((long) base + i);
            }
        }
        assertThat(DetachedStates.get(new User("stranger", null))).isNull();

        // registering an object again replaces its entry
        DetachedStates.put(detachedState(users.get(1), 42));
        assertThat(DetachedStates.get(users.get(1)).key().values()).containsExactly(42L);

        for (User u : users) {
            DetachedStates.remove(u);
        }
        for (User u : users) {
            assertThat(DetachedStates.get(u)).isNull();
        }
    }

    @Test
    void entriesGoWhenTheirObjectsAreCollected() throws InterruptedException {
        List<EntityState> states = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            states.add(detachedState(new User("g" + i, null), 2_000_000 + i));
        }
        DetachedStates.detachAll(states, states.size());
        for (EntityState st : states) {
            assertThat(DetachedStates.get(st.object())).isNotNull();
        }
        int withThem = DetachedStates.live(); // other tests' entries may only go from here
        states.clear();
        for (int attempt = 0; attempt < 50 && DetachedStates.live() > withThem - 10_000; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(DetachedStates.live()).as("entries of collected objects are dropped").isLessThanOrEqualTo(withThem - 10_000);
    }

    @Test
    void theNewerRegistrationWinsWhateverTheOrderOfIndexing() {
        User u = new User("twice", null);
        DetachedStates.detachAll(List.of(detachedState(u, 7)), 1); // a batch: indexed at the next lookup
        DetachedStates.put(detachedState(u, 8)); // newer, indexed at once
        assertThat(DetachedStates.get(u).key().values()).containsExactly(8L);
        DetachedStates.remove(u);
        assertThat(DetachedStates.get(u)).isNull();
    }

    @Test
    void theNewerBatchWinsAfterCompactionReorderedTheBatches() {
        User u = new User("rotated", null);
        List<User> others = new java.util.ArrayList<>();
        // two batches of ten holding u (keys 7, then 8), then one of one: registering it compacts the oldest batch
        // and, its budget spent, moves only that one behind the newer
        for (long key : new long[] {7, 8}) {
            List<EntityState> batch = new java.util.ArrayList<>(List.of(detachedState(u, key)));
            for (int i = 0; i < 9; i++) {
                User o = new User("other", null);
                others.add(o);
                batch.add(detachedState(o, 100 * key + i));
            }
            DetachedStates.detachAll(batch, batch.size());
        }
        User last = new User("last", null);
        DetachedStates.detachAll(List.of(detachedState(last, 999)), 1);
        assertThat(DetachedStates.get(u).key().values()).containsExactly(8L);
        assertThat(DetachedStates.get(others.get(10)).key().values()).containsExactly(801L);
        DetachedStates.remove(u);
        DetachedStates.remove(last);
        others.forEach(DetachedStates::remove);
    }
}
