package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;

/**
 * The floor for bulk update: one connection and transaction, rows read into mutable objects with typed getters,
 * the field changed, a prepared UPDATE batched and flushed every 1,000 rows, commit.
 */
final class BulkUpdateJdbc implements Variant<List<BulkUpdateJdbc.Customer>> {
    private static final int BATCH = 1000;

    /** A loaded row, mutable as a hand-written program would keep it. */
    static final class Customer {
        final int id;
        final String name;
        String description;

        Customer(int id, String name, String description) {
            this.id = id;
            this.name = name;
            this.description = description;
        }
    }

    @Override
    public String contender() {
        return FLOOR;
    }

    @Override
    public List<Customer> run(BenchContext ctx, int n) throws Exception {
        List<Customer> rows = new ArrayList<>(n);
        try (Connection c = ctx.jdbc().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(BulkUpdate.SELECT)) {
                while (rs.next()) {
                    rows.add(new Customer(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            for (Customer customer : rows) {
                customer.description = customer.description + BulkUpdate.SUFFIX;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + BulkUpdate.TABLE + " SET description = ? WHERE id = ?")) {
                int pending = 0;
                for (Customer customer : rows) {
                    ps.setString(1, customer.description);
                    ps.setInt(2, customer.id);
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            c.commit();
        }
        return rows;
    }

    @Override
    public Outcome outcome(List<Customer> result) {
        Checksum sum = new Checksum();
        for (Customer customer : result) {
            sum.add(customer.id, customer.description);
        }
        return sum.outcome();
    }
}
