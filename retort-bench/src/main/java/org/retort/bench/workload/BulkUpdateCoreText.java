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
 * Bulk update through Retort Core: {@code conn.execute(text(select)).all()}, one parameter map per row with the
 * new description, one executemany {@code conn.execute(text(update), maps)}, {@code conn.commit()}.
 */
final class BulkUpdateCoreText implements Variant<List<Map<String, Object>>> {

    @Override
    public String contender() {
        return "core-text";
    }

    @Override
    public List<Map<String, Object>> run(BenchContext ctx, int n) {
        TextClause update = Sql.text("UPDATE " + BulkUpdate.TABLE + " SET description = :description WHERE id = :id");
        List<Map<String, Object>> params;
        try (Connection conn = ctx.engine().connect()) {
            List<Row> rows = conn.execute(Sql.text(BulkUpdate.SELECT)).all();
            params = new ArrayList<>(rows.size());
            for (Row row : rows) {
                params.add(Map.of("id", row.get(0), "description", row.get(2) + BulkUpdate.SUFFIX));
            }
            conn.execute(update, params);
            conn.commit();
        }
        return params;
    }

    @Override
    public Outcome outcome(List<Map<String, Object>> result) {
        return paramsOutcome(result, "id", "description");
    }

    /** @return the count and checksum of the (id, new description) pairs of UPDATE parameter maps */
    static Outcome paramsOutcome(List<Map<String, Object>> result, String idKey, String descriptionKey) {
        Checksum sum = new Checksum();
        for (Map<String, Object> row : result) {
            sum.add(row.get(idKey), row.get(descriptionKey));
        }
        return sum.outcome();
    }
}
