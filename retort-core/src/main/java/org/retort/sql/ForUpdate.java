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
    public static final ForUpdate DEFAULT = new ForUpdate(false, false, false, false, List.of());

    private final boolean read;
    private final boolean nowait;
    private final boolean skipLocked;
    private final boolean keyShare;
    private final List<Object> of;

    private ForUpdate(boolean read, boolean nowait, boolean skipLocked, boolean keyShare, List<Object> of) {
        this.read = read;
        this.nowait = nowait;
        this.skipLocked = skipLocked;
        this.keyShare = keyShare;
        this.of = List.copyOf(of);
    }

    /** {@return true for PostgreSQL's weaker locks: {@code FOR NO KEY UPDATE}, or with read, {@code FOR KEY SHARE}} */
    public boolean isKeyShare() {
        return keyShare;
    }

    /**
     * {@return this clause with PostgreSQL's key-share strength (SQLAlchemy's {@code key_share=True}):
     * {@code FOR NO KEY UPDATE}, or {@code FOR KEY SHARE} together with {@link #read()}; other databases refuse
     * it at compile time}
     */
    public ForUpdate keyShare() {
        return new ForUpdate(read, nowait, skipLocked, true, of);
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
        return new ForUpdate(read, true, skipLocked, keyShare, of);
    }

    /** {@return this clause with {@code SKIP LOCKED}} */
    public ForUpdate skipLocked() {
        return new ForUpdate(read, nowait, true, keyShare, of);
    }

    /** {@return this clause as {@code FOR SHARE} (MySQL/MariaDB: {@code LOCK IN SHARE MODE})} */
    public ForUpdate read() {
        return new ForUpdate(true, nowait, skipLocked, keyShare, of);
    }

    /**
     * {@return this clause with {@code OF targets}}
     *
     * @param targets tables or columns
     */
    public ForUpdate of(Object... targets) {
        return new ForUpdate(read, nowait, skipLocked, keyShare, List.of(targets));
    }
}
