package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;

/**
 * The floor for single inserts: per row, a pooled connection, {@code setAutoCommit(false)}, one prepared
 * INSERT, {@code commit()}, close (SQLAlchemy's {@code test_dbapi_raw_w_pool}).
 */
final class SingleInsertsJdbc implements Variant<Long> {

    @Override
    public String contender() {
        return FLOOR;
    }

    @Override
    public Long run(BenchContext ctx, int n) throws Exception {
        long inserted = 0;
        String sql = SingleInserts.INSERT + "(?, ?)";
        for (int i = 0; i < n; i++) {
            try (Connection c = ctx.jdbc().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, Customers.name(i));
                    ps.setString(2, Customers.description(i));
                    inserted += ps.executeUpdate();
                }
                c.commit();
            }
        }
        return inserted;
    }

    @Override
    public Outcome outcome(Long result) {
        return new Outcome(result, 0);
    }
}
