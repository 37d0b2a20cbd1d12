package org.retort.bench.harness;

/**
 * One contender's way of doing a workload: raw JDBC ({@code "jdbc"}, the floor every ratio is taken against),
 * Retort Core with {@code text()} ({@code "core-text"}), and later the expression language ({@code "core"}) and
 * the ORM ({@code "orm"}, {@code "orm-bulk"}).
 *
 * <p>{@link #run} is the timed part and does all the work a user's code would do, including commits; it returns
 * what it produced (keys, loaded rows, a count). {@link #outcome} reduces that to numbers for verification and is
 * not timed.
 *
 * @param <R> what one run produces
 */
public interface Variant<R> {

    /** The contender every ratio is taken against. */
    String FLOOR = "jdbc";

    /** @return the contender's name: {@code jdbc}, {@code core-text}, {@code core}, {@code orm}, ... */
    String contender();

    /**
     * Does the workload once; timed.
     *
     * @param ctx the database of this run
     * @param n the workload's size (rows to insert, load, look up or update)
     * @return what the run produced, for {@link #outcome}
     * @throws Exception on failure, which fails the suite
     */
    R run(BenchContext ctx, int n) throws Exception;

    /**
     * Reduces a run's product to a count and a checksum; not timed.
     *
     * @param result what {@link #run} returned
     * @return the outcome the workload verifies
     */
    Outcome outcome(R result);
}
