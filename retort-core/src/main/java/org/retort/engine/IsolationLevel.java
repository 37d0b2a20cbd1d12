package org.retort.engine;

import java.sql.Connection;

/**
 * Transaction isolation levels, plus {@link #AUTOCOMMIT}, which makes every statement its own transaction
 * (SQLAlchemy's {@code isolation_level="AUTOCOMMIT"}).
 */
public enum IsolationLevel {
    /** No transaction: the driver commits after every statement; {@code commit()} and {@code rollback()} do nothing. */
    AUTOCOMMIT(-1),
    /** {@link Connection#TRANSACTION_READ_UNCOMMITTED}. */
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    /** {@link Connection#TRANSACTION_READ_COMMITTED}. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** {@link Connection#TRANSACTION_REPEATABLE_READ}. */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** {@link Connection#TRANSACTION_SERIALIZABLE}. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** {@return the {@link Connection} constant, or -1 for {@link #AUTOCOMMIT}} */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /**
     * Maps a {@link Connection} constant back to a level.
     *
     * @param level the JDBC constant
     * @return the level
     */
    public static IsolationLevel ofJdbc(int level) {
        for (IsolationLevel l : values()) {
            if (l.jdbcLevel == level) {
                return l;
            }
        }
        return READ_COMMITTED;
    }
}
