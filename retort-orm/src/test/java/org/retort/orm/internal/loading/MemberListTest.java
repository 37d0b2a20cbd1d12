package org.retort.orm.internal.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A load's member list keeps each object once, by identity, in first-seen order, short or long. */
class MemberListTest {

    @Test
    void keepsEachObjectOnceInFirstSeenOrderPastTheSearchedLength() {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            objects.add(new StringBuilder("m" + i)); // identity, not equals, decides
        }
        MemberList members = new MemberList();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < objects.size(); i++) {
                if (i <= round * 40) {
                    members.addOnce(objects.get(i));
                }
            }
        }
        assertThat(members).hasSize(81).containsExactlyElementsOf(objects.subList(0, 81));
    }

    @Test
    void equalButDistinctObjectsAreDistinctMembers() {
        MemberList members = new MemberList();
        members.addOnce(new String("a"));
        members.addOnce(new String("a"));
        assertThat(members).hasSize(2);
    }
}
