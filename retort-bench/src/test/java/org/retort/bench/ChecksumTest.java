package org.retort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.retort.bench.harness.Checksum;

/** The checksum verification relies on: order-independent, type-agnostic for integers, sensitive to every value. */
class ChecksumTest {

    @Test
    void sameRowsInAnotherOrderGiveTheSameChecksum() {
        Checksum a = new Checksum().add(1, "a").add(2, "b");
        Checksum b = new Checksum().add(2L, "b").add(1L, "a");

        assertThat(a.value()).isEqualTo(b.value());
        assertThat(a.count()).isEqualTo(2);
    }

    @Test
    void wholeNumbersChecksumAlikeWhateverClassTheDriverReturns() {
        long asInt = new Checksum().add(7, "a").value();

        assertThat(new Checksum().add(7L, "a").value()).isEqualTo(asInt);
        assertThat(new Checksum().add(new java.math.BigDecimal("7.00"), "a").value()).isEqualTo(asInt);
        assertThat(new Checksum().add(7.0, "a").value()).isEqualTo(asInt);
        assertThat(new Checksum().add(7.5, "a").value()).isNotEqualTo(asInt);
    }

    @Test
    void aChangedDuplicatedOrSwappedValueChangesTheChecksum() {
        long base = new Checksum().add(1, "a").add(2, "b").value();

        assertThat(new Checksum().add(1, "a").add(2, "c").value()).isNotEqualTo(base);
        assertThat(new Checksum().add(1, "a").add(1, "a").value()).isNotEqualTo(base);
        assertThat(new Checksum().add(1, "b").add(2, "a").value()).isNotEqualTo(base);
        assertThat(new Checksum().add("a", 1).add("b", 2).value()).isNotEqualTo(base);
    }
}
