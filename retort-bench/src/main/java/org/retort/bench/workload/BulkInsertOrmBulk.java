package org.retort.bench.workload;

import static org.retort.orm.Orm.insert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.workload.OrmCustomers.BulkInsertCustomer;
import org.retort.orm.Session;

/**
 * Bulk insert through the ORM's bulk INSERT (SQLAlchemy's {@code test_bulk_insert_dictionaries} with
 * RETURNING): {@code session.execute(insert(Customer.class).returning(Customer.class), maps)} with one map of
 * attribute values per row, then {@code session.commit()}. The rows come back as objects holding their keys.
 */
final class BulkInsertOrmBulk implements Variant<List<BulkInsertCustomer>> {

    @Override
    public String contender() {
        return "orm-bulk";
    }

    @Override
    public List<BulkInsertCustomer> run(BenchContext ctx, int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("name", Customers.name(i), "description", Customers.description(i)));
        }
        try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
            List<BulkInsertCustomer> inserted = session.execute(insert(BulkInsertCustomer.class)
                    .returning(BulkInsertCustomer.class), rows).<BulkInsertCustomer>scalars().all();
            session.commit();
            return inserted;
        }
    }

    @Override
    public Outcome outcome(List<BulkInsertCustomer> result) {
        return BulkInsertOrm.idsOutcome(result);
    }
}
