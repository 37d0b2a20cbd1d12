package org.retort.bench.workload;

import static org.retort.orm.Orm.select;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.BulkUpdateCustomer;
import org.retort.orm.Session;

/**
 * Bulk update through the ORM's unit of work (SQLAlchemy's {@code test_orm_flush}): load every object with
 * {@code session.scalars(select(Customer.class)).all()}, assign each one's {@code description} field, and
 * {@code session.commit()}: the dirty check finds the changed objects and the flush writes them with a batched
 * {@code UPDATE ... WHERE id = ?}. The workload then checks the table after the commit.
 */
final class BulkUpdateOrm implements Variant<List<BulkUpdateCustomer>> {

    @Override
    public String contender() {
        return "orm";
    }

    @Override
    public List<BulkUpdateCustomer> run(BenchContext ctx, int n) {
        try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
            List<BulkUpdateCustomer> customers = session.scalars(select(BulkUpdateCustomer.class)).all();
            for (BulkUpdateCustomer c : customers) {
                c.description = c.description + BulkUpdate.SUFFIX;
            }
            session.commit();
            return customers;
        }
    }

    @Override
    public Outcome outcome(List<BulkUpdateCustomer> result) {
        Checksum sum = new Checksum();
        for (BulkUpdateCustomer c : result) {
            sum.add(c.id, c.description);
        }
        return sum.outcome();
    }
}
