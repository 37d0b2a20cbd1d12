package org.retort.bench.workload;

import static org.retort.orm.Orm.select;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.LargeResultCustomer;
import org.retort.orm.Session;

/**
 * Large results through the ORM: {@code session.scalars(select(Customer.class)).all()} loads every row as an
 * object into the session's identity map (SQLAlchemy's {@code test_orm_full_objects_list}), and
 * {@code session.scalars(select(Customer_.name)).all()} reads one mapped column ({@code test_orm_columns}).
 */
final class LargeResultOrm {
    private LargeResultOrm() {
    }

    /** Whole mapped objects. */
    static final class Entities implements Variant<List<LargeResultCustomer>> {

        @Override
        public String contender() {
            return "orm";
        }

        @Override
        public List<LargeResultCustomer> run(BenchContext ctx, int n) {
            try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
                return session.scalars(select(LargeResultCustomer.class)).all();
            }
        }

        @Override
        public Outcome outcome(List<LargeResultCustomer> result) {
            Checksum sum = new Checksum();
            for (LargeResultCustomer c : result) {
                sum.add(c.id, c.name, c.description);
            }
            return sum.outcome();
        }
    }

    /** One mapped column as a list of strings. */
    static final class Scalars implements Variant<List<String>> {

        @Override
        public String contender() {
            return "orm";
        }

        @Override
        public List<String> run(BenchContext ctx, int n) {
            try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
                return session.scalars(select(OrmCustomers.LARGE_SCALARS_NAME)).all();
            }
        }

        @Override
        public Outcome outcome(List<String> result) {
            return LargeResultJdbc.scalarsOutcome(result);
        }
    }
}
