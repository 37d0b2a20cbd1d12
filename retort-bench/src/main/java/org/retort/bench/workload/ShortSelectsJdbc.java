package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;

/**
 * The floor for short selects: per id, a pooled connection (autocommit, so no transaction to end), a prepared
 * SELECT, the row read with typed getters into a record.
 */
final class ShortSelectsJdbc implements Variant<List<ShortSelectsJdbc.Customer>> {
    private final ShortSelects workload;

    ShortSelectsJdbc(ShortSelects workload) {
        this.workload = workload;
    }

    /** A looked-up row as a hand-written JDBC program holds it. */
    record Customer(int id, String name, String description, int q, int p) {
    }

    @Override
    public String contender() {
        return FLOOR;
    }

    @Override
    public List<Customer> run(BenchContext ctx, int n) throws Exception {
        List<Customer> found = new ArrayList<>(n);
        String sql = ShortSelects.SELECT + "?";
        for (int id : workload.ids()) {
            try (Connection c = ctx.jdbc().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(new Customer(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public Outcome outcome(List<Customer> result) {
        Checksum sum = new Checksum();
        for (Customer c : result) {
            sum.add(c.id(), c.name(), c.description(), c.q(), c.p());
        }
        return sum.outcome();
    }
}
