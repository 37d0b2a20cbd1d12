package org.retort.bench.workload;

import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.BulkInsertCustomer;
import org.retort.orm.Session;

/**
 * Bulk insert through the ORM's unit of work (SQLAlchemy's {@code test_flush_no_pk}): n new objects,
 * {@code session.addAll(objects)}, {@code session.commit()}. The flush writes them with multi-row
 * {@code INSERT ... RETURNING id} and sets each object's {@code id} field; the keys verified are read from the
 * objects after the commit, so an object left without its key fails the run.
 */
final class BulkInsertOrm implements Variant<List<BulkInsertCustomer>> {

    @Override
    public String contender() {
        return "orm";
    }

    @Override
    public List<BulkInsertCustomer> run(BenchContext ctx, int n) {
        List<BulkInsertCustomer> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            customers.add(new BulkInsertCustomer(Customers.name(i), Customers.description(i)));
        }
        try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
            session.addAll(customers);
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
