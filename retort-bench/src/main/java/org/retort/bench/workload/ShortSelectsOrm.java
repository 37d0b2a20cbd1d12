package org.retort.bench.workload;

import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.ShortSelectsCustomer;
import org.retort.orm.Session;
import org.retort.orm.SessionFactory;

/**
 * Short selects through the ORM (SQLAlchemy's {@code test_orm_query_classic_style} with {@code get}): per id a
 * fresh session, {@code session.get(Customer.class, id)}, close; the identity map is empty each time, so every
 * lookup runs a SELECT on a freshly checked-out connection.
 */
final class ShortSelectsOrm implements Variant<List<ShortSelectsCustomer>> {
    private final ShortSelects workload;

    ShortSelectsOrm(ShortSelects workload) {
        this.workload = workload;
    }

    @Override
    public String contender() {
        return "orm";
    }

    @Override
    public List<ShortSelectsCustomer> run(BenchContext ctx, int n) {
        SessionFactory sessions = OrmCustomers.sessions(ctx.engine());
        List<ShortSelectsCustomer> found = new ArrayList<>(n);
        for (int id : workload.ids()) {
            try (Session session = sessions.open()) {
                ShortSelectsCustomer c = session.get(ShortSelectsCustomer.class, id);
                if (c != null) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    @Override
    public Outcome outcome(List<ShortSelectsCustomer> result) {
        Checksum sum = new Checksum();
        for (ShortSelectsCustomer c : result) {
            sum.add(c.id, c.name, c.description, c.q, c.p);
        }
        return sum.outcome();
    }
}
