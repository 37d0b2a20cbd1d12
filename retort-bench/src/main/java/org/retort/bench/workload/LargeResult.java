package org.retort.bench.workload;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.Workload;

/**
 * Large result (SQLAlchemy's {@code large_resultsets}): a table of 500,000 rows loaded once, then read whole into
 * a list on every pass, either as rows of three columns ({@link #rows()}) or as one column of scalars
 * ({@link #scalars()}). Verified: the list has every row, and the checksum of the loaded values matches the
 * data written.
 */
public final class LargeResult implements Workload {
    private final String name;
    private final String table;
    private final boolean scalars;
    private final List<Variant<?>> variants;
    private long expectedChecksum;

    private LargeResult(String name, boolean scalars) {
        this.name = name;
        this.table = "bench_" + name;
        this.scalars = scalars;
        this.variants = scalars
                ? List.of(new LargeResultJdbc.Scalars(selectSql()), new LargeResultCoreText.Scalars(selectSql()),
                        new LargeResultCore.Scalars(table), new LargeResultOrm.Scalars())
                : List.of(new LargeResultJdbc.Rows(selectSql()), new LargeResultCoreText.Rows(selectSql()),
                        new LargeResultCore.Rows(table), new LargeResultOrm.Entities());
    }

    /** @return the workload loading {@code (id, name, description)} rows as tuples */
    public static LargeResult rows() {
        return new LargeResult("large_result_rows", false);
    }

    /** @return the workload loading the {@code name} column as a list of strings */
    public static LargeResult scalars() {
        return new LargeResult("large_result_scalars", true);
    }

    private String selectSql() {
        return scalars ? "SELECT name FROM " + table : "SELECT id, name, description FROM " + table;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return scalars ? "SELECT one column of n rows into a list of scalars" : "SELECT n rows of 3 columns into a list of rows";
    }

    @Override
    public int fullSize() {
        return 500_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return variants;
    }

    @Override
    public void setUp(BenchContext ctx, int n) throws Exception {
        Customers.load(ctx, table, n);
        if (scalars) {
            Checksum sum = new Checksum();
            for (int i = 0; i < n; i++) {
                sum.add(Customers.name(i));
            }
            expectedChecksum = sum.value();
        } else {
            expectedChecksum = Customers.fullRows(n).value();
        }
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) {
        Workload.expect("rows loaded from " + table, n, outcome.count());
        Workload.expect("checksum of the loaded values", expectedChecksum, outcome.checksum());
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(table);
    }
}
