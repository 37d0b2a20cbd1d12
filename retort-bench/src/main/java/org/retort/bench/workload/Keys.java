package org.retort.bench.workload;

import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;

/** Generated keys fetched back by a bulk insert, in the order they arrived. */
record Keys(long[] ids, int count) {

    /** @return how many keys arrived and the checksum of them */
    Outcome outcome() {
        Checksum sum = new Checksum();
        for (int i = 0; i < count; i++) {
            sum.add(ids[i]);
        }
        return sum.outcome();
    }
}
