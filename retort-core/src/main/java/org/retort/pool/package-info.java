/**
 * Connection pools: {@link org.retort.pool.Pool} and its implementations.
 */
package org.retort.pool;
