package org.retort.bench.workload;

import static org.retort.sql.Sql.insert;

import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.sql.Insert;

/**
 * Single inserts through the expression language: {@code insert(table)} built once, and per row
 * {@code engine.inTransaction(conn -> conn.execute(insert, Map.of(...)))}: the INSERT's columns come from the
 * map's keys, and its compiled form from the engine's cache after the first row (SQLAlchemy's
 * {@code test_core_query_caching}).
 */
final class SingleInsertsCore implements Variant<Long> {

    @Override
    public String contender() {
        return "core";
    }

    @Override
    public Long run(BenchContext ctx, int n) {
        Insert insert = insert(BenchTables.SINGLE_INSERTS);
        long inserted = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> params = Map.of("name", Customers.name(i), "description", Customers.description(i));
            inserted += ctx.engine().inTransaction(conn -> conn.execute(insert, params).rowcount());
        }
        return inserted;
    }

    @Override
    public Outcome outcome(Long result) {
        return new Outcome(result, 0);
    }
}
