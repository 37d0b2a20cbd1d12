package org.retort.bench.workload;

import static org.retort.orm.Orm.select;

import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.BulkUpdateCustomer;
import org.retort.orm.Session;

/**
 * Bulk update through the ORM's unit of work, shaped as SQLAlchemy's {@code bulk_updates.test_orm_flush}: in one
 * session, load 1,000 objects by a range of ids, assign each one's {@code description} field, {@code flush()};
 * repeated over the table, then {@code commit()}. (SQLAlchemy's example loads {@code between(chunk, chunk + 1000)},
 * so it updates each boundary row twice; here the ranges do not overlap and every row is updated once.) The
 * {@code orm-1flush} contender loads every object with one query, assigns, and commits once.
 */
final class BulkUpdateOrm implements Variant<List<BulkUpdateCustomer>> {
    private final boolean chunked;

    /**
     * @param chunked true: load, change and flush 1,000 objects at a time ({@code orm}); false: all at once
     *     ({@code orm-1flush})
     */
    BulkUpdateOrm(boolean chunked) {
        this.chunked = chunked;
    }

    @Override
    public String contender() {
        return chunked ? "orm" : "orm-1flush";
    }

    @Override
    public List<BulkUpdateCustomer> run(BenchContext ctx, int n) {
        try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
            List<BulkUpdateCustomer> customers;
            if (chunked) {
                customers = new ArrayList<>(n);
                for (int from = 0; from < n; from += BulkInsert.CHUNK) {
                    List<BulkUpdateCustomer> chunk = session.scalars(select(BulkUpdateCustomer.class)
                            .where(OrmCustomers.BULK_UPDATE_ID.gt(from),
                                    OrmCustomers.BULK_UPDATE_ID.le(from + BulkInsert.CHUNK))).all();
                    for (BulkUpdateCustomer c : chunk) {
                        c.description = c.description + BulkUpdate.SUFFIX;
                    }
                    session.flush();
                    customers.addAll(chunk);
                }
            } else {
                customers = session.scalars(select(BulkUpdateCustomer.class)).all();
                for (BulkUpdateCustomer c : customers) {
                    c.description = c.description + BulkUpdate.SUFFIX;
                }
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
