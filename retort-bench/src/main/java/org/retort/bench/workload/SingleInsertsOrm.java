package org.retort.bench.workload;

import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.SingleInsertCustomer;
import org.retort.orm.Session;
import org.retort.orm.SessionFactory;

/**
 * Single inserts through the ORM (SQLAlchemy's {@code test_orm_commit}): per row a new session from the
 * application's {@link SessionFactory}, {@code add(object)}, {@code commit()}, close. Counted are the objects
 * that got a primary key.
 */
final class SingleInsertsOrm implements Variant<Long> {

    @Override
    public String contender() {
        return "orm";
    }

    @Override
    public Long run(BenchContext ctx, int n) {
        SessionFactory sessions = OrmCustomers.sessions(ctx.engine());
        long inserted = 0;
        for (int i = 0; i < n; i++) {
            SingleInsertCustomer c = new SingleInsertCustomer(Customers.name(i), Customers.description(i));
            try (Session session = sessions.open()) {
                session.add(c);
                session.commit();
            }
            if (c.id != null) {
                inserted++;
            }
        }
        return inserted;
    }

    @Override
    public Outcome outcome(Long result) {
        return new Outcome(result, 0);
    }
}
