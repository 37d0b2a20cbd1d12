package org.retort.bench.workload;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.Workload;

/**
 * Bulk update (SQLAlchemy's {@code bulk_updates}): in one transaction, load all n rows, append
 * {@code " updated"} to each description in Java, write every row back with a batched
 * {@code UPDATE ... SET description = ? WHERE id = ?}, commit. The table is reloaded before each pass.
 * Verified: n rows changed, the changed values match, and the table holds exactly the updated rows.
 */
public final class BulkUpdate implements Workload {
    static final String TABLE = "bench_bulk_update";
    static final String SELECT = "SELECT id, name, description FROM " + TABLE;
    static final String SUFFIX = " updated";
    private long expectedChecksum;

    @Override
    public String name() {
        return "bulk_update";
    }

    @Override
    public String description() {
        return "SELECT n rows, change one column of each in Java, batched UPDATE of all, commit";
    }

    @Override
    public int fullSize() {
        return 50_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return List.of(new BulkUpdateJdbc(), new BulkUpdateCoreText(), new BulkUpdateCore(), new BulkUpdateOrm(true),
                new BulkUpdateOrm(false));
    }

    @Override
    public void setUp(BenchContext ctx, int n) {
        Checksum sum = new Checksum();
        for (int i = 0; i < n; i++) {
            sum.add(i + 1, Customers.description(i) + SUFFIX);
        }
        expectedChecksum = sum.value();
    }

    @Override
    public void beforePass(BenchContext ctx, int n) throws Exception {
        Customers.load(ctx, TABLE, n);
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) throws Exception {
        Workload.expect("rows updated", n, outcome.count());
        Workload.expect("checksum of the updated (id, description) pairs", expectedChecksum, outcome.checksum());
        Workload.expect("checksum of the table's (id, description) after commit", expectedChecksum,
                ctx.checksum("SELECT id, description FROM " + TABLE).value());
        Workload.expect("rows in " + TABLE, n, ctx.queryLong("SELECT COUNT(*) FROM " + TABLE));
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(TABLE);
    }
}
