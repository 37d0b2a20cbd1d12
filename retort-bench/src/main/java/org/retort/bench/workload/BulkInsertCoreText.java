package org.retort.bench.workload;

import java.util.HashMap;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.engine.Connection;
import org.retort.sql.Sql;
import org.retort.sql.TextClause;

/**
 * Bulk insert through Retort Core with {@code text()}: the same multi-row INSERT ... RETURNING id of 1,000 rows
 * the floor uses, written with named parameters ({@code :name0, :description0, ...}) and executed once per chunk
 * through {@link Connection#execute(org.retort.sql.Executable, Map)}; keys are read with
 * {@code scalars()}. On H2 the statement is {@code SELECT id FROM FINAL TABLE (INSERT ...)}.
 */
final class BulkInsertCoreText implements Variant<Keys> {
    private static final String[] NAME_KEYS = new String[BulkInsert.CHUNK];
    private static final String[] DESCRIPTION_KEYS = new String[BulkInsert.CHUNK];

    static {
        for (int r = 0; r < BulkInsert.CHUNK; r++) {
            NAME_KEYS[r] = "name" + r;
            DESCRIPTION_KEYS[r] = "description" + r;
        }
    }

    @Override
    public String contender() {
        return "core-text";
    }

    @Override
    public Keys run(BenchContext ctx, int n) {
        long[] keys = new long[n];
        int k = 0;
        TextClause full = Sql.text(ctx.database().returningIds(BulkInsert.insertRows(BulkInsert.CHUNK, true)));
        try (Connection conn = ctx.engine().connect()) {
            for (int start = 0; start < n; start += BulkInsert.CHUNK) {
                int rows = Math.min(BulkInsert.CHUNK, n - start);
                TextClause stmt = rows == BulkInsert.CHUNK ? full
                        : Sql.text(ctx.database().returningIds(BulkInsert.insertRows(rows, true)));
                Map<String, Object> params = HashMap.newHashMap(rows * 2);
                for (int r = 0; r < rows; r++) {
                    params.put(NAME_KEYS[r], Customers.name(start + r));
                    params.put(DESCRIPTION_KEYS[r], Customers.description(start + r));
                }
                for (Object id : conn.execute(stmt, params).scalars()) {
                    keys[k++] = ((Number) id).longValue();
                }
            }
            conn.commit();
        }
        return new Keys(keys, k);
    }

    @Override
    public Outcome outcome(Keys result) {
        return result.outcome();
    }
}
