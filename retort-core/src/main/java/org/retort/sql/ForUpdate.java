package org.retort.sql;

import java.util.List;

/**
 * The row-locking clause of a SELECT: {@code FOR UPDATE [OF ...] [NOWAIT | SKIP LOCKED]} or {@code FOR SHARE}
 * (SQLAlchemy's {@code with_for_update()}). SQLite has no row locks and renders nothing. Immutable.
 *
 * <pre>{@code
 * select(t).forUpdate(ForUpdate.DEFAULT.skipLocked())   // ... FOR UPDATE SKIP LOCKED
 * }</pre>
 */
public final class ForUpdate {
    /** Plain {@code FOR UPDATE}. */
    public static final ForUpdate DEFAULT = new ForUpdate(false, false, false, List.of());

    private final boolean read;
    private final boolean nowait;
    private final boolean skipLocked;
    private final List<Object> of;

    private ForUpdate(boolean read, boolean nowait, boolean skipLocked, List<Object> of) {
        this.read = read;
        this.nowait = nowait;
        this.skipLocked = skipLocked;
        this.of = List.copyOf(of);
    }

    /** {@return true for {@code FOR SHARE}} */
    public boolean isRead() {
        return read;
    }

    /** {@return true for {@code NOWAIT}} */
    public boolean isNowait() {
        return nowait;
    }

    /** {@return true for {@code SKIP LOCKED}} */
    public boolean isSkipLocked() {
        return skipLocked;
    }

    /** {@return the tables or columns of {@code OF}, empty for all} */
    public List<Object> of() {
        return of;
    }

    /** {@return this clause with {@code NOWAIT}} */
    public ForUpdate nowait() {
        return new ForUpdate(read, true, skipLocked, of);
    }

    /** {@return this clause with {@code SKIP LOCKED}} */
    public ForUpdate skipLocked() {
        return new ForUpdate(read, nowait, true, of);
    }

    /** {@return this clause as {@code FOR SHARE} (MySQL/MariaDB: {@code LOCK IN SHARE MODE})} */
    public ForUpdate read() {
        return new ForUpdate(true, nowait, skipLocked, of);
    }

    /**
     * {@return this clause with {@code OF targets}}
     *
     * @param targets tables or columns
     */
    public ForUpdate of(Object... targets) {
        return new ForUpdate(read, nowait, skipLocked, List.of(targets));
    }
}
