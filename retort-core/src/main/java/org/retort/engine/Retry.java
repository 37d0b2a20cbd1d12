package org.retort.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.retort.exc.ArgumentException;
import org.retort.exc.DBAPIException;

/**
 * How to run a transaction again when the database gave it up for a reason that running it again can cure:
 * a serialization failure (SQLSTATE 40001), a deadlock (40P01; MySQL/MariaDB error 1213), SQLite's "database is
 * locked", or a lost connection before COMMIT was sent (the server rolled the transaction back, so nothing of it
 * is kept). Everything else is thrown at once, and so is a COMMIT whose connection was lost
 * ({@link DBAPIException#commitOutcomeUnknown()}): it may have been applied, and running it again could apply it
 * twice.
 *
 * <p>Attempts are bounded ({@link #maxAttempts(int)}) and spaced by exponential backoff with full jitter (a random
 * wait between zero and {@code initial * 2^(attempt-1)}, capped at {@code max}), so contending transactions do not
 * collide again in step. When every attempt fails, the last failure is thrown with the earlier ones attached as
 * suppressed exceptions.
 *
 * <pre>{@code
 * Retry retry = Retry.defaults().maxAttempts(5);
 * long id = engine.transaction(retry, conn -> ...);                 // Core: a new connection per attempt
 * retry.run(() -> {                                                  // ORM or anything else that opens its own
 *     try (Session session = factory.open()) { ...; session.commit(); return null; }
 * });
 * }</pre>
 *
 * <p>The work must be repeatable: everything it does to the database is rolled back before the next attempt, but
 * effects outside the database (a message sent, a field set on an object kept elsewhere) happen once per attempt.
 * Instances are immutable and thread-safe.
 */
public final class Retry {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final RetryListener listener;

    /** Called before each new attempt, e.g. to count retries; see {@link #onRetry(RetryListener)}. */
    @FunctionalInterface
    public interface RetryListener {
        /**
         * A failed attempt is about to be retried.
         *
         * @param attempt the number of the attempt that failed, from 1
         * @param failure why it failed
         * @param wait how long Retry waits before the next attempt
         */
        void retrying(int attempt, RuntimeException failure, Duration wait);
    }

    private Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, RetryListener listener) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.listener = listener;
    }

    /** {@return 5 attempts, backoff from 20 ms doubling up to 1 s} */
    public static Retry defaults() {
        return new Retry(5, Duration.ofMillis(20), Duration.ofSeconds(1), (a, f, w) -> { });
    }

    /**
     * Returns a copy with another bound on attempts.
     *
     * @param attempts how many times the work runs at most, the first included (1 means never retry)
     * @return the new policy
     * @throws ArgumentException when {@code attempts} is below 1
     */
    public Retry maxAttempts(int attempts) {
        if (attempts < 1) {
            throw new ArgumentException("maxAttempts must be at least 1 (the first run), got " + attempts);
        }
        return new Retry(attempts, initialBackoff, maxBackoff, listener);
    }

    /**
     * Returns a copy with another backoff.
     *
     * @param initial the wait bound after the first failure; doubled after each further one
     * @param max the largest wait bound
     * @return the new policy
     * @throws ArgumentException when a duration is negative or {@code max} is below {@code initial}
     */
    public Retry backoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new ArgumentException("backoff needs 0 <= initial <= max, got initial " + initial + " and max " + max);
        }
        return new Retry(maxAttempts, initial, max, listener);
    }

    /**
     * Returns a copy that tells a listener about each retry (for logs and metrics).
     *
     * @param retryListener called before each new attempt
     * @return the new policy
     */
    public Retry onRetry(RetryListener retryListener) {
        return new Retry(maxAttempts, initialBackoff, maxBackoff, Objects.requireNonNull(retryListener, "listener"));
    }

    /** {@return the bound on attempts, the first included} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Runs work that begins and ends its own transaction, again while it fails with a retryable error.
     *
     * @param work the transaction, complete with its commit
     * @param <T> what the work returns
     * @return the value of the attempt that succeeded
     * @throws RuntimeException the failure that is not retryable, or the last one when attempts run out
     */
    public <T> T run(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        RuntimeException previous = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (previous != null && e != previous) {
                    e.addSuppressed(previous); // which holds the one before it, and so on
                }
                if (attempt >= maxAttempts || !isRetryable(e)) {
                    throw e;
                }
                previous = e;
                Duration wait = backoff(attempt);
                listener.retrying(attempt, e, wait);
                if (!sleep(wait)) {
                    throw e;
                }
            }
        }
    }

    private Duration backoff(int attempt) {
        long bound = initialBackoff.toNanos() << Math.min(attempt - 1, 30);
        if (bound <= 0 || bound > maxBackoff.toNanos()) {
            bound = maxBackoff.toNanos();
        }
        return Duration.ofNanos(bound == 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Whether a failure is one that running the whole transaction again can cure: a serialization failure, a
     * deadlock, a lock conflict SQLite reports as busy, or a lost connection whose transaction was not being
     * committed. The failure's causes are searched, so an ORM exception wrapping a database error counts too.
     *
     * @param failure what the work threw
     * @return true when retrying is safe and may succeed
     */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DBAPIException d) {
                if (d.commitOutcomeUnknown()) {
                    return false;
                }
                if (d.connectionInvalidated()) {
                    return true;
                }
                String state = d.sqlState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
                int code = d.vendorCode();
                String driver = d.sqlException().getClass().getName();
                if (code == 1213 && state != null && state.startsWith("40")) {
                    return true; // MySQL/MariaDB deadlock
                }
                return (code == 5 || code == 6) && driver.startsWith("org.sqlite."); // SQLITE_BUSY, SQLITE_LOCKED
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Retry(maxAttempts=" + maxAttempts + ", backoff " + initialBackoff + ".." + maxBackoff + ")";
    }
}
