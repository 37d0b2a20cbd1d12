package org.retort.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.sql.Sql;
import org.retort.sql.TextClause;

/**
 * Short selects through Retort Core: per id, {@code engine.connect()}, one {@code text()} statement built once
 * (compiled once through the engine's cache) executed with {@code Map.of("id", id)}, and {@code first()}
 * (SQLAlchemy's {@code test_core_reuse_stmt_compiled_cache}).
 */
final class ShortSelectsCoreText implements Variant<List<Row>> {
    private final ShortSelects workload;

    ShortSelectsCoreText(ShortSelects workload) {
        this.workload = workload;
    }

    @Override
    public String contender() {
        return "core-text";
    }

    @Override
    public List<Row> run(BenchContext ctx, int n) {
        TextClause select = Sql.text(ShortSelects.SELECT + ":id");
        List<Row> found = new ArrayList<>(n);
        for (int id : workload.ids()) {
            try (Connection conn = ctx.engine().connect()) {
                Row row = conn.execute(select, Map.of("id", id)).first();
                if (row != null) {
                    found.add(row);
                }
            }
        }
        return found;
    }

    @Override
    public Outcome outcome(List<Row> result) {
        return rowsOutcome(result);
    }

    /** @return the count and checksum of {@code (id, name, description, q, p)} rows */
    static Outcome rowsOutcome(List<Row> result) {
        Checksum sum = new Checksum();
        for (Row r : result) {
            sum.add(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4));
        }
        return sum.outcome();
    }
}
