package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;

/**
 * The floor for large results: one statement, each row read with typed getters into a record (rows) or a
 * string (scalars), appended to a list.
 */
final class LargeResultJdbc {
    private LargeResultJdbc() {
    }

    /** A customer row as a hand-written JDBC program holds it. */
    record Customer(int id, String name, String description) {
    }

    /** Rows of three columns into records. */
    static final class Rows implements Variant<List<Customer>> {
        private final String sql;

        Rows(String sql) {
            this.sql = sql;
        }

        @Override
        public String contender() {
            return FLOOR;
        }

        @Override
        public List<Customer> run(BenchContext ctx, int n) throws Exception {
            List<Customer> out = new ArrayList<>();
            try (Connection c = ctx.jdbc().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(new Customer(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }

        @Override
        public Outcome outcome(List<Customer> result) {
            Checksum sum = new Checksum();
            for (Customer c : result) {
                sum.add(c.id(), c.name(), c.description());
            }
            return sum.outcome();
        }
    }

    /** One column into a list of strings. */
    static final class Scalars implements Variant<List<String>> {
        private final String sql;

        Scalars(String sql) {
            this.sql = sql;
        }

        @Override
        public String contender() {
            return FLOOR;
        }

        @Override
        public List<String> run(BenchContext ctx, int n) throws Exception {
            List<String> out = new ArrayList<>();
            try (Connection c = ctx.jdbc().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }

        @Override
        public Outcome outcome(List<String> result) {
            return scalarsOutcome(result);
        }
    }

    static Outcome scalarsOutcome(List<?> values) {
        Checksum sum = new Checksum();
        for (Object v : values) {
            sum.add(v);
        }
        return sum.outcome();
    }
}
