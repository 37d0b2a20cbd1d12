package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.Workload;

/**
 * Short selects (SQLAlchemy's {@code short_selects}): a table of 1.1 n rows
 * {@code (id, name, description, q, p)}, then n primary-key lookups of distinct ids in a fixed random order,
 * each on a connection freshly checked out of the pool. Verified: every lookup found its row, and the checksum
 * of the rows found matches the data written.
 */
public final class ShortSelects implements Workload {
    static final String TABLE = "bench_short_selects";
    static final String SELECT = "SELECT id, name, description, q, p FROM " + TABLE + " WHERE id = ";
    private int[] ids = new int[0];
    private long expectedChecksum;

    @Override
    public String name() {
        return "short_selects";
    }

    @Override
    public String description() {
        return "n primary-key SELECTs, each on a fresh connection checkout";
    }

    @Override
    public int fullSize() {
        return 10_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return List.of(new ShortSelectsJdbc(this), new ShortSelectsCoreText(this), new ShortSelectsCore(this),
                new ShortSelectsOrm(this));
    }

    /** @return the ids to look up, in lookup order */
    int[] ids() {
        return ids;
    }

    static String name(int id) {
        return "c" + id;
    }

    @Override
    public void setUp(BenchContext ctx, int n) throws Exception {
        int rows = n + Math.max(1, n / 10);
        ctx.recreate(TABLE, "name VARCHAR(255), description VARCHAR(255), q INTEGER, p INTEGER");
        try (Connection c = ctx.jdbc().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, description, q, p) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int id = 1; id <= rows; id++) {
                ps.setInt(1, id);
                ps.setString(2, name(id));
                ps.setString(3, name(id));
                ps.setInt(4, id * 10);
                ps.setInt(5, id * 20);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
        List<Integer> all = new ArrayList<>(rows);
        for (int id = 1; id <= rows; id++) {
            all.add(id);
        }
        Collections.shuffle(all, new Random(20_101_022L));
        ids = all.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
        Checksum sum = new Checksum();
        for (int id : ids) {
            sum.add(id, name(id), name(id), id * 10, id * 20);
        }
        expectedChecksum = sum.value();
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) {
        Workload.expect("rows found by primary key", n, outcome.count());
        Workload.expect("checksum of the rows found", expectedChecksum, outcome.checksum());
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(TABLE);
    }
}
