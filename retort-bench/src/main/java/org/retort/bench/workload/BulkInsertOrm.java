package org.retort.bench.workload;

import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.BulkInsertCustomer;
import org.retort.orm.Session;

/**
 * Bulk insert through the ORM's unit of work, shaped as SQLAlchemy's {@code bulk_inserts.test_flush_no_pk}: in
 * one session, {@code session.addAll(1,000 new objects); session.flush()} repeated until n objects are written,
 * then {@code session.commit()}. Each flush writes its objects with multi-row {@code INSERT ... RETURNING id} and
 * sets each object's {@code id} field; the keys verified are read from the objects after the commit, so an object
 * left without its key fails the run. The session keeps every object flushed before, so this measures whether a
 * flush costs what it writes or what the session holds.
 */
final class BulkInsertOrm implements Variant<List<BulkInsertCustomer>> {
    private final boolean chunked;

    /**
     * @param chunked true: flush every {@link BulkInsert#CHUNK} objects ({@code orm}); false: add all, one
     *     commit ({@code orm-1flush})
     */
    BulkInsertOrm(boolean chunked) {
        this.chunked = chunked;
    }

    @Override
    public String contender() {
        return chunked ? "orm" : "orm-1flush";
    }

    @Override
    public List<BulkInsertCustomer> run(BenchContext ctx, int n) {
        List<BulkInsertCustomer> customers = new ArrayList<>(n);
        try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
            if (chunked) {
                for (int from = 0; from < n; from += BulkInsert.CHUNK) {
                    List<BulkInsertCustomer> chunk = new ArrayList<>(BulkInsert.CHUNK);
                    for (int i = from; i < Math.min(n, from + BulkInsert.CHUNK); i++) {
                        chunk.add(new BulkInsertCustomer(Customers.name(i), Customers.description(i)));
                    }
                    session.addAll(chunk);
                    session.flush();
                    customers.addAll(chunk);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    customers.add(new BulkInsertCustomer(Customers.name(i), Customers.description(i)));
                }
                session.addAll(customers);
            }
            session.commit();
        }
        return customers;
    }

    @Override
    public Outcome outcome(List<BulkInsertCustomer> result) {
        return idsOutcome(result);
    }

    /** @return the count and checksum of the objects' ids; fails on an object without one */
    static Outcome idsOutcome(List<? extends OrmCustomers.Customer> objects) {
        long[] ids = new long[objects.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = objects.get(i).id;
            if (id == null) {
                throw new org.retort.bench.harness.VerificationException("object " + i + " of " + ids.length
                        + " got no primary key back from the flush");
            }
            ids[i] = id;
        }
        return new Keys(ids, ids.length).outcome();
    }
}
