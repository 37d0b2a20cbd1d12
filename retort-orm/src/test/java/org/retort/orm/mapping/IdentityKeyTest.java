package org.retort.orm.mapping;

import org.retort.orm.Model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retort.orm.Model.Address;
import org.retort.orm.Model.User;

/** Identity keys: integer values equal whatever their class, single and composite keys, partial keys. */
class IdentityKeyTest {

    @Test
    void integerKeysCompareByValueWhateverTheirClass() {
        IdentityKey anInt = new IdentityKey(User.class, List.of(5));
        IdentityKey aLong = new IdentityKey(User.class, List.of(5L));
        IdentityKey aShort = new IdentityKey(User.class, List.of((short) 5));
        assertThat(anInt).isEqualTo(aLong).hasSameHashCodeAs(aLong).isEqualTo(aShort);
        assertThat(anInt.values()).containsExactly(5L);
        assertThat(anInt).isNotEqualTo(new IdentityKey(User.class, List.of(6L)))
                .isNotEqualTo(new IdentityKey(Address.class, List.of(5L)))
                .isNotEqualTo(new IdentityKey(User.class, List.of("5")));
        assertThat(anInt.toString()).isEqualTo("User[5]");
    }

    @Test
    void compositeAndPartialKeys() {
        IdentityKey a = new IdentityKey(User.class, List.of(1, "x"));
        IdentityKey b = new IdentityKey(User.class, List.of(1L, "x"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.values()).containsExactly(1L, "x");
        assertThat(a).isNotEqualTo(new IdentityKey(User.class, List.of(1L, "y")))
                .isNotEqualTo(new IdentityKey(User.class, List.of(1L)));
        assertThat(a.isPartial()).isFalse();
        assertThat(new IdentityKey(User.class, Arrays.asList(1L, null)).isPartial()).isTrue();
        assertThat(new IdentityKey(User.class, Arrays.asList((Object) null)).isPartial()).isTrue();
    }
}
