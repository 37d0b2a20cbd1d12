package org.retort.bench.workload;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.Workload;

/**
 * Bulk insert (SQLAlchemy's {@code bulk_inserts}): 100,000 rows into a 3-column table in one transaction, with
 * every generated key fetched back. Verified: as many distinct keys as rows, the keys are exactly the table's
 * ids, and the table holds exactly the rows written.
 */
public final class BulkInsert implements Workload {
    static final String TABLE = "bench_bulk_insert";
    /** Rows per multi-row INSERT, as SQLAlchemy's insertmanyvalues page size. */
    static final int CHUNK = 1000;

    @Override
    public String name() {
        return "bulk_insert";
    }

    @Override
    public String description() {
        return "INSERT n rows in one transaction, fetching every generated key";
    }

    @Override
    public int fullSize() {
        return 100_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return List.of(new BulkInsertJdbc(), new BulkInsertCoreText(), new BulkInsertCore(), new BulkInsertOrm(true), new BulkInsertOrm(false),
                new BulkInsertOrmBulk());
    }

    @Override
    public void beforePass(BenchContext ctx, int n) throws Exception {
        ctx.recreate(TABLE, Customers.COLUMNS);
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) throws Exception {
        Workload.expect("keys fetched", n, outcome.count());
        Workload.expect("rows in " + TABLE, n, ctx.queryLong("SELECT COUNT(*) FROM " + TABLE));
        Workload.expect("checksum of fetched keys against the table's ids", ctx.checksum("SELECT id FROM " + TABLE).value(),
                outcome.checksum());
        Workload.expect("checksum of the table's rows", Customers.contents(n).value(),
                ctx.checksum("SELECT name, description FROM " + TABLE).value());
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(TABLE);
    }

    /** @return {@code INSERT INTO bench_bulk_insert (name, description) VALUES (?, ?), ...} with {@code rows} rows */
    static String insertRows(int rows, boolean named) {
        StringBuilder sb = new StringBuilder("INSERT INTO " + TABLE + " (name, description) VALUES ");
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(", ");
            }
            if (named) {
                sb.append("(:name").append(r).append(", :description").append(r).append(')');
            } else {
                sb.append("(?, ?)");
            }
        }
        return sb.toString();
    }
}
