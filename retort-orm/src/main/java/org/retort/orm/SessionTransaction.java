package org.retort.orm;

import org.retort.orm.internal.session.TxLevel;

/**
 * A transaction of a session (SQLAlchemy's {@code SessionTransaction}): the root one, or a SAVEPOINT from
 * {@link Session#beginNested()}. Rolling a savepoint back undoes its statements in the database and puts the
 * objects it changed back to their values at the savepoint, as SQLAlchemy's expire-and-reload would show them.
 *
 * <pre>{@code
 * try (SessionTransaction sp = session.beginNested()) {
 *     user.name = "changed";
 *     session.flush();
 *     sp.rollback();              // user.name is back to its value before the savepoint
 * }
 * }</pre>
 */
public final class SessionTransaction implements AutoCloseable {
    private final Session session;
    private final TxLevel level;

    SessionTransaction(Session session, TxLevel level) {
        this.session = session;
        this.level = level;
    }

    /** {@return true for a SAVEPOINT} */
    public boolean isNested() {
        return level.isNested();
    }

    /** {@return true until committed or rolled back} */
    public boolean isActive() {
        return level.isActive();
    }

    /** Flushes and commits: releases the SAVEPOINT, or commits the session for the root transaction. */
    public void commit() {
        if (!level.isActive()) {
            return;
        }
        if (level.isNested()) {
            session.commitNested(level);
        } else {
            session.commit();
        }
    }

    /** Rolls back to the SAVEPOINT (restoring the objects it changed), or rolls the session back for the root. */
    public void rollback() {
        if (!level.isActive()) {
            return;
        }
        if (level.isNested()) {
            session.rollbackNested(level);
        } else {
            session.rollback();
        }
    }

    /** Rolls back if still active, like leaving a {@code with session.begin_nested()} block with an error. */
    @Override
    public void close() {
        rollback();
    }
}
