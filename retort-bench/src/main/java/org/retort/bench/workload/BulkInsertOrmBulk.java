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
 * Bulk insert through the ORM's bulk INSERT (SQLAlchemy's {@code test_bulk_insert_dictionaries} with the keys
 * fetched back): {@code session.execute(insert(Customer.class).returning(Customer_.id), maps)} with one map of
 * attribute values per row, then {@code session.commit()}. The new keys come back in the order of the maps; no
 * objects are loaded, as in SQLAlchemy's ORM bulk INSERT.
 */
final class BulkInsertOrmBulk implements Variant<Keys> {

    @Override
    public String contender() {
        return "orm-bulk";
    }

    @Override
    public Keys run(BenchContext ctx, int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("name", Customers.name(i), "description", Customers.description(i)));
        }
        try (Session session = OrmCustomers.sessions(ctx.engine()).open()) {
            long[] keys = new long[n];
            int k = 0;
            for (Object id : session.execute(insert(BulkInsertCustomer.class).returning(OrmCustomers.BULK_INSERT_ID), rows)
                    .scalars()) {
                keys[k++] = ((Number) id).longValue();
            }
            session.commit();
            return new Keys(keys, k);
        }
    }

    @Override
    public Outcome outcome(Keys result) {
        return result.outcome();
    }
}
