package org.retort.bench.harness;

import java.util.List;

/**
 * One benchmark workload, modelled on a suite of SQLAlchemy's {@code examples/performance}: its tables, how to
 * prepare them, the contenders that run it, and how to check that a run did the right thing.
 *
 * <p>The runner calls {@link #setUp} once, then for every pass of every variant {@link #beforePass} (untimed),
 * the variant's timed {@link Variant#run}, and {@link #verify} (untimed); finally {@link #tearDown}, which also
 * runs when something failed.
 */
public interface Workload {

    /** @return the short name used on the command line and in reports, e.g. {@code bulk_insert} */
    String name();

    /** @return one sentence saying what is timed */
    String description();

    /** @return the size at scale 1 (rows inserted, loaded, looked up or updated) */
    int fullSize();

    /** @return the contenders, the raw-JDBC floor first */
    List<Variant<?>> variants();

    /**
     * Creates and fills what every pass reads; called once per run and database.
     *
     * @param ctx the database
     * @param n the size
     * @throws Exception on failure
     */
    default void setUp(BenchContext ctx, int n) throws Exception {
    }

    /**
     * Restores the starting state before one pass (recreates tables a previous pass wrote to); not timed.
     *
     * @param ctx the database
     * @param n the size
     * @throws Exception on failure
     */
    default void beforePass(BenchContext ctx, int n) throws Exception {
    }

    /**
     * Checks a pass's outcome against what the workload must have produced, and the database's state after it.
     *
     * @param ctx the database
     * @param n the size
     * @param outcome what the variant reported
     * @throws VerificationException when anything does not match
     * @throws Exception when the check itself fails
     */
    void verify(BenchContext ctx, int n, Outcome outcome) throws Exception;

    /**
     * Drops the workload's tables.
     *
     * @param ctx the database
     * @throws Exception on failure
     */
    void tearDown(BenchContext ctx) throws Exception;

    /**
     * Fails unless two numbers are equal.
     *
     * @param what what the number is, naming the workload
     * @param expected the right value
     * @param actual the value found
     * @throws VerificationException when they differ
     */
    static void expect(String what, long expected, long actual) {
        if (expected != actual) {
            throw new VerificationException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
