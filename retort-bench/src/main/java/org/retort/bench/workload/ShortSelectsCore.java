package org.retort.bench.workload;

import static org.retort.sql.Sql.bindparam;
import static org.retort.sql.Sql.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.schema.Table;
import org.retort.sql.Select;

/**
 * Short selects through the expression language: {@code select(t).where(t.c("id").eq(bindparam("id")))} built
 * once, and per id {@code engine.connect()}, {@code conn.execute(stmt, Map.of("id", id)).first()}
 * (SQLAlchemy's {@code test_core_reuse_stmt}).
 */
final class ShortSelectsCore implements Variant<List<Row>> {
    private final ShortSelects workload;

    ShortSelectsCore(ShortSelects workload) {
        this.workload = workload;
    }

    @Override
    public String contender() {
        return "core";
    }

    @Override
    public List<Row> run(BenchContext ctx, int n) {
        Table t = BenchTables.SHORT_SELECTS;
        Select stmt = select(t).where(t.c("id").eq(bindparam("id")));
        List<Row> found = new ArrayList<>(n);
        for (int id : workload.ids()) {
            try (Connection conn = ctx.engine().connect()) {
                Row row = conn.execute(stmt, Map.of("id", id)).first();
                if (row != null) {
                    found.add(row);
                }
            }
        }
        return found;
    }

    @Override
    public Outcome outcome(List<Row> result) {
        return ShortSelectsCoreText.rowsOutcome(result);
    }
}
