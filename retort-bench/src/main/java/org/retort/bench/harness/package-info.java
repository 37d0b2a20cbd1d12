/**
 * The suite's harness: {@link org.retort.bench.harness.Workload}s with one
 * {@link org.retort.bench.harness.Variant} per contender, the database each run uses, warm-up and timed passes,
 * verification, and the Markdown and JSON reports.
 *
 * <p>A new contender (Core expression language, ORM, ORM bulk) is a new {@code Variant} class listed by its
 * workload; the harness does not change.
 */
package org.retort.bench.harness;
