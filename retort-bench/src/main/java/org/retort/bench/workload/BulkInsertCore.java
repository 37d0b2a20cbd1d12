package org.retort.bench.workload;

import static org.retort.sql.Sql.insert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.engine.Connection;
import org.retort.schema.Table;
import org.retort.sql.Insert;

/**
 * Bulk insert through the expression language: {@code insert(table).returning(table.c("id"))} executed with the
 * list of all n parameter maps. Retort turns that executemany into multi-row
 * {@code INSERT ... VALUES (...), (...) RETURNING id} statements of up to 1,000 rows ("insertmanyvalues", as
 * SQLAlchemy's {@code test_core_insert}); the keys come back through {@code scalars()} in the order of the maps.
 * On a database without INSERT ... RETURNING (H2) the executemany is a JDBC batch and the keys are the driver's
 * generated keys ({@code insertedPrimaryKeys()}).
 */
final class BulkInsertCore implements Variant<Keys> {

    @Override
    public String contender() {
        return "core";
    }

    @Override
    public Keys run(BenchContext ctx, int n) {
        Table t = BenchTables.BULK_INSERT;
        Insert stmt = insert(t).returning(t.c("id"));
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("name", Customers.name(i), "description", Customers.description(i)));
        }
        long[] keys = new long[n];
        int k = 0;
        try (Connection conn = ctx.engine().connect()) {
            if (conn.dialect().supportsReturning()) {
                for (Object id : conn.execute(stmt, rows).scalars()) {
                    keys[k++] = ((Number) id).longValue();
                }
            } else {
                for (Object id : conn.execute(insert(t), rows).insertedPrimaryKeys()) {
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
