package org.retort.engine;

import org.retort.exc.InvalidRequestException;

/**
 * A transaction on a {@link Connection}: the outer one from {@link Connection#begin()}, or a SAVEPOINT from
 * {@link Connection#beginNested()} (SQLAlchemy's {@code RootTransaction} / {@code NestedTransaction}).
 * Closing an active transaction rolls it back, so try-with-resources undoes work that was not committed.
 */
public final class Transaction implements AutoCloseable {
    private final Connection connection;
    private final String savepoint;
    private boolean active = true;

    Transaction(Connection connection, String savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    /** Commits the transaction, or releases the SAVEPOINT of a nested one. */
    public void commit() {
        requireActive("commit");
        try {
            if (savepoint == null) {
                connection.endRoot(this, true);
            } else {
                connection.endNested(this, true);
            }
        } finally {
            active = false;
        }
    }

    /** Rolls the transaction back, or rolls back to the SAVEPOINT of a nested one. */
    public void rollback() {
        if (!active) {
            return;
        }
        try {
            if (savepoint == null) {
                connection.endRoot(this, false);
            } else {
                connection.endNested(this, false);
            }
        } finally {
            active = false;
        }
    }

    /** {@return true until committed or rolled back} */
    public boolean isActive() {
        return active;
    }

    /** {@return true for a SAVEPOINT} */
    public boolean isNested() {
        return savepoint != null;
    }

    /** {@return the SAVEPOINT name, or null for an outer transaction} */
    public String savepointName() {
        return savepoint;
    }

    /** {@return the connection} */
    public Connection connection() {
        return connection;
    }

    void markInactive() {
        active = false;
    }

    private void requireActive(String what) {
        if (!active) {
            throw new InvalidRequestException("Cannot " + what + ": this transaction is no longer active (it was "
                    + "committed, rolled back, or ended by its enclosing transaction)");
        }
    }

    /** Rolls back if still active. */
    @Override
    public void close() {
        rollback();
    }

    @Override
    public String toString() {
        return (savepoint == null ? "Transaction" : "NestedTransaction(" + savepoint + ")") + (active ? "" : " inactive");
    }
}
