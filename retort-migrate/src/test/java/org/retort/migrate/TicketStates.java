package org.retort.migrate;

/** Java enums whose values change between two versions of a model; public so generated revisions can name them. */
public final class TicketStates {
    private TicketStates() {
    }

    /** Ticket states, first version. */
    public enum StatusV1 { NEW, OPEN }

    /** Ticket states, second version. */
    public enum StatusV2 { NEW, OPEN, CLOSED }

    /** Kinds, stored as VARCHAR with a CHECK everywhere, first version. */
    public enum KindV1 { A, B }

    /** Kinds, second version: a longer name widens the column. */
    public enum KindV2 { A, B, LONGER }
}
