package org.retort.bench.workload;

import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.sql.Sql;
import org.retort.sql.TextClause;

/**
 * Single inserts through Retort Core: per row, {@code engine.inTransaction(conn -> conn.execute(insert, params))}
 * ("begin once", SQLAlchemy's {@code with engine.begin()}), one {@code text()} statement built once and compiled
 * once through the engine's cache.
 */
final class SingleInsertsCoreText implements Variant<Long> {

    @Override
    public String contender() {
        return "core-text";
    }

    @Override
    public Long run(BenchContext ctx, int n) {
        TextClause insert = Sql.text(SingleInserts.INSERT + "(:name, :description)");
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
