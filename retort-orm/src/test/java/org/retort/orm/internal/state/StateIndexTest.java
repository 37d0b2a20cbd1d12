package org.retort.orm.internal.state;

import org.retort.orm.Model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retort.orm.Model.User;
import org.retort.orm.mapping.Mapper;

/** The session's object index: lookups, join-order iteration, removals and re-additions. */
class StateIndexTest {
    private static final Mapper<User> MAPPER = Model.registry().mapper(User.class);

    @Test
    void iteratesMembersInJoinOrderThroughRemovalsAndCompaction() {
        StateIndex index = new StateIndex();
        List<EntityState> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            EntityState st = new EntityState(new User("u" + i, null), MAPPER);
            all.add(st);
            if (i % 2 == 0) {
                index.addLoaded(st);
            } else {
                index.put(st);
            }
        }
        assertThat(index.size()).isEqualTo(300);
        assertThat(index.snapshot()).containsExactlyElementsOf(all);
        assertThat(index.get(all.get(10).object())).as("a loaded state, indexed on lookup").isSameAs(all.get(10));
        List<EntityState> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 3 != 0) {
                index.remove(all.get(i).object());
            } else {
                kept.add(all.get(i));
            }
        }
        assertThat(index.size()).isEqualTo(kept.size());
        assertThat(index.snapshot()).containsExactlyElementsOf(kept);
        index.put(all.get(1)); // removed, then added again: listed once
        kept.add(all.get(1));
        assertThat(index.snapshot()).containsExactlyInAnyOrderElementsOf(kept).doesNotHaveDuplicates();
        assertThat(index.contains(all.get(2).object())).isFalse();
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.snapshot()).isEmpty();
        index.put(all.get(0));
        assertThat(index.snapshot()).containsExactly(all.get(0));
    }
}
