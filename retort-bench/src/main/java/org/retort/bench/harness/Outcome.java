package org.retort.bench.harness;

/**
 * What a variant's timed run produced, reduced to numbers the workload can check: how many rows (or keys) it
 * handled and an order-independent checksum of their values (see {@link Checksum}).
 *
 * @param count rows inserted, loaded, found or updated, or keys fetched back
 * @param checksum the order-independent checksum of those rows or keys
 */
public record Outcome(long count, long checksum) {
}
