package org.retort.bench.workload;

import static org.retort.orm.Orm.select;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.LargeStreamCustomer;
import org.retort.orm.OrmScalarResult;
import org.retort.orm.Session;

/**
 * Large result, streamed (SQLAlchemy's {@code test_orm_full_objects_chunks}): every row of a 500,000-row table
 * read once, each row folded into a checksum as it arrives and then dropped, so memory stays flat however large
 * the table is. Run it with a small heap and a large scale to see that ({@code --scale 10} is 5,000,000 rows;
 * README.md). Verified: every row seen once, and the checksum of the values matches the data written.
 *
 * <p>Contenders: {@code jdbc} streams with {@code setFetchSize(1000)} (in a transaction, which PostgreSQL needs
 * for a cursor) and reads each row with typed getters; {@code orm-yield} reads the mapped objects with
 * {@code session.scalars(select(Customer.class).yieldPer(1000))} partition by partition; {@code orm} is the
 * buffered ORM load ({@code all()}) for comparison, which holds every object at once and so needs a heap that
 * fits the whole table.
 */
public final class LargeResultStream implements org.retort.bench.harness.Workload {
    static final String TABLE = "bench_large_result_stream";
    static final int BATCH = 1000;

    private long expectedChecksum;

    @Override
    public String name() {
        return "large_result_stream";
    }

    @Override
    public String description() {
        return "stream n rows of 3 columns, each folded into a checksum and dropped (ORM yieldPer)";
    }

    @Override
    public int fullSize() {
        return 500_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return List.of(new Jdbc(), new OrmYield(), new OrmBuffered());
    }

    @Override
    public void setUp(BenchContext ctx, int n) throws Exception {
        Customers.load(ctx, TABLE, n);
        expectedChecksum = Customers.fullRows(n).value();
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) {
        org.retort.bench.harness.Workload.expect("rows streamed from " + TABLE, n, outcome.count());
        org.retort.bench.harness.Workload.expect("checksum of the streamed values", expectedChecksum,
                outcome.checksum());
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(TABLE);
    }

    /** The floor: a forward-only cursor with a fetch size, typed getters, nothing kept. */
    static final class Jdbc implements Variant<Outcome> {
        @Override
        public String contender() {
            return FLOOR;
        }

        @Override
        public Outcome run(BenchContext ctx, int n) throws Exception {
            Checksum sum = new Checksum();
            try (Connection c = ctx.jdbc().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description FROM " + TABLE)) {
                    ps.setFetchSize(BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            LargeResultJdbc.Customer row = new LargeResultJdbc.Customer(rs.getInt(1), rs.getString(2),
                                    rs.getString(3));
                            sum.add(row.id(), row.name(), row.description());
                        }
                    }
                }
                c.commit();
            }
            return sum.outcome();
        }

        @Override
        public Outcome outcome(Outcome result) {
            return result;
        }
    }

    /** The ORM, streaming: objects a partition at a time, each partition dropped after use. */
    static final class OrmYield implements Variant<Outcome> {
        @Override
        public String contender() {
            return "orm-yield";
        }

        @Override
        public Outcome run(BenchContext ctx, int n) {
            Checksum sum = new Checksum();
            try (Session session = OrmCustomers.sessions(ctx.engine()).open();
                    OrmScalarResult<LargeStreamCustomer> customers = session.scalars(
                            select(LargeStreamCustomer.class).yieldPer(BATCH))) {
                for (List<LargeStreamCustomer> batch : customers.partitions()) {
                    for (LargeStreamCustomer c : batch) {
                        sum.add(c.id, c.name, c.description);
                    }
                }
            }
            return sum.outcome();
        }

        @Override
        public Outcome outcome(Outcome result) {
            return result;
        }
    }

    /** The ORM, buffered: every object loaded into a list first (the heap must hold the whole table). */
    static final class OrmBuffered implements Variant<Outcome> {
        @Override
        public String contender() {
            return "orm";
        }

        @Override
        public Outcome run(BenchContext ctx, int n) {
            Checksum sum = new Checksum();
            try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
                for (LargeStreamCustomer c : session.scalars(select(LargeStreamCustomer.class)).all()) {
                    sum.add(c.id, c.name, c.description);
                }
            }
            return sum.outcome();
        }

        @Override
        public Outcome outcome(Outcome result) {
            return result;
        }
    }
}
