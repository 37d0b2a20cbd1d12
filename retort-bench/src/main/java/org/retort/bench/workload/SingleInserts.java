package org.retort.bench.workload;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.Workload;

/**
 * Single inserts (SQLAlchemy's {@code single_inserts}): 2,000 rows, each INSERT in its own transaction on a
 * connection checked out of the pool for it and returned after the commit. Verified: every INSERT reported one
 * row, and the table holds exactly the rows written.
 */
public final class SingleInserts implements Workload {
    static final String TABLE = "bench_single_inserts";
    static final String INSERT = "INSERT INTO " + TABLE + " (name, description) VALUES ";

    @Override
    public String name() {
        return "single_inserts";
    }

    @Override
    public String description() {
        return "n INSERTs, each checking out a connection and committing its own transaction";
    }

    @Override
    public int fullSize() {
        return 2_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return List.of(new SingleInsertsJdbc(), new SingleInsertsCoreText(), new SingleInsertsCore(), new SingleInsertsOrm());
    }

    @Override
    public void beforePass(BenchContext ctx, int n) throws Exception {
        ctx.recreate(TABLE, Customers.COLUMNS);
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) throws Exception {
        Workload.expect("rows reported inserted", n, outcome.count());
        Workload.expect("rows in " + TABLE, n, ctx.queryLong("SELECT COUNT(*) FROM " + TABLE));
        Workload.expect("checksum of the table's rows", Customers.contents(n).value(),
                ctx.checksum("SELECT name, description FROM " + TABLE).value());
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(TABLE);
    }
}
