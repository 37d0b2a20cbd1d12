package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;

/**
 * The floor for bulk insert, as a skilled developer writes it: one connection, one transaction, multi-row
 * {@code INSERT ... VALUES (?, ?), ... RETURNING id} of 1,000 rows per statement, the full-chunk statement
 * prepared once and reused. sqlite-jdbc returns no keys from {@code executeBatch()}; on PostgreSQL this is about
 * 2.5 times as fast as a {@code reWriteBatchedInserts} batch with {@code getGeneratedKeys()} (measured on
 * pgjdbc 42.7); H2, which has no RETURNING, gets the same multi-row INSERT inside
 * {@code SELECT id FROM FINAL TABLE (...)}, faster there than a batch with generated keys.
 */
final class BulkInsertJdbc implements Variant<Keys> {

    @Override
    public String contender() {
        return FLOOR;
    }

    @Override
    public Keys run(BenchContext ctx, int n) throws Exception {
        long[] keys = new long[n];
        int k = 0;
        try (Connection c = ctx.jdbc().getConnection()) {
            c.setAutoCommit(false);
            String fullSql = ctx.database().returningIds(BulkInsert.insertRows(BulkInsert.CHUNK, false));
            try (PreparedStatement full = c.prepareStatement(fullSql)) {
                for (int start = 0; start < n; start += BulkInsert.CHUNK) {
                    int rows = Math.min(BulkInsert.CHUNK, n - start);
                    PreparedStatement ps = rows == BulkInsert.CHUNK ? full
                            : c.prepareStatement(ctx.database().returningIds(BulkInsert.insertRows(rows, false)));
                    try {
                        int p = 1;
                        for (int i = start; i < start + rows; i++) {
                            ps.setString(p++, Customers.name(i));
                            ps.setString(p++, Customers.description(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                keys[k++] = rs.getLong(1);
                            }
                        }
                    } finally {
                        if (ps != full) {
                            ps.close();
                        }
                    }
                }
            }
            c.commit();
        }
        return new Keys(keys, k);
    }

    @Override
    public Outcome outcome(Keys result) {
        return result.outcome();
    }
}
