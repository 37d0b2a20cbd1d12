package org.retort.bench.workload;

import static org.retort.sql.Sql.bindparam;
import static org.retort.sql.Sql.select;
import static org.retort.sql.Sql.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.schema.Table;
import org.retort.sql.Update;

/**
 * Bulk update through the expression language: {@code select(t)} of all rows, one parameter map per row, and
 * one executemany of {@code update(t).set("description", bindparam("new_description"))
 * .where(t.c("id").eq(bindparam("id_")))} (a JDBC batch), then {@code conn.commit()}.
 */
final class BulkUpdateCore implements Variant<List<Map<String, Object>>> {

    @Override
    public String contender() {
        return "core";
    }

    @Override
    public List<Map<String, Object>> run(BenchContext ctx, int n) {
        Table t = BenchTables.BULK_UPDATE;
        Update stmt = update(t).set("description", bindparam("new_description")).where(t.c("id").eq(bindparam("id_")));
        List<Map<String, Object>> params;
        try (Connection conn = ctx.engine().connect()) {
            List<Row> rows = conn.execute(select(t)).all();
            params = new ArrayList<>(rows.size());
            for (Row row : rows) {
                params.add(Map.of("id_", row.get(0), "new_description", row.get(2) + BulkUpdate.SUFFIX));
            }
            conn.execute(stmt, params);
            conn.commit();
        }
        return params;
    }

    @Override
    public Outcome outcome(List<Map<String, Object>> result) {
        return BulkUpdateCoreText.paramsOutcome(result, "id_", "new_description");
    }
}
