package org.retort.pool;

/**
 * A snapshot of a pool's counters, for metrics (the gauges of SQLAlchemy's {@code QueuePool.status()} as numbers).
 *
 * @param active connections checked out now
 * @param idle connections open and waiting in the pool
 * @param pending threads waiting for a connection now
 * @param timeouts checkouts that gave up waiting since the pool was created
 */
public record PoolStatistics(int active, int idle, int pending, long timeouts) {
}
