package org.retort.pool;

/**
 * A transaction that someone other than Retort began on a pooled connection and will end: a Spring-managed
 * transaction, for example. A {@link Pool} reports one through {@link Pool#externalTransaction}; a Retort
 * {@link org.retort.engine.Connection} on such a connection then joins it instead of running its own: it issues
 * no BEGIN, turns {@code commit()} into nothing (the owner commits at its end), turns {@code rollback()} into
 * {@link #setRollbackOnly()}, and leaves the transaction alone when it is closed. SAVEPOINTs
 * ({@code beginNested()}) work as usual inside it.
 *
 * <p>SQLAlchemy's counterpart is a {@code Session} joined to an external transaction
 * ({@code join_transaction_mode}).
 */
public interface ExternalTransaction {

    /**
     * Marks the transaction so that its owner rolls it back instead of committing it; Retort calls this where it
     * would have rolled back a transaction of its own.
     */
    void setRollbackOnly();

    /** {@return a short description for the echo, such as "Spring-managed transaction"} */
    default String description() {
        return "external transaction";
    }
}
