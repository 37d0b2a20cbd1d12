package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;

/**
 * The data every workload uses, as in SQLAlchemy's suite: row {@code i} (0-based) is
 * {@code ("customer name i", "customer description i")}, and preloaded tables give it id {@code i + 1}.
 */
final class Customers {
    /** Column definitions after {@code id}. */
    static final String COLUMNS = "name VARCHAR(255), description VARCHAR(255)";

    private Customers() {
    }

    static String name(int i) {
        return "customer name " + i;
    }

    static String description(int i) {
        return "customer description " + i;
    }

    /**
     * Recreates a table and fills it with rows 0..n-1 with explicit ids 1..n, in batches; untimed setup.
     */
    static void load(BenchContext ctx, String table, int n) throws SQLException {
        ctx.recreate(table, COLUMNS);
        try (Connection c = ctx.jdbc().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, name, description) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, name(i));
                ps.setString(3, description(i));
                ps.addBatch();
                if ((i + 1) % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** @return the checksum of rows {@code (id, name, description)} of a table {@link #load} filled */
    static Checksum fullRows(int n) {
        Checksum sum = new Checksum();
        for (int i = 0; i < n; i++) {
            sum.add(i + 1, name(i), description(i));
        }
        return sum;
    }

    /** @return the checksum of rows {@code (name, description)} for rows 0..n-1 */
    static Checksum contents(int n) {
        Checksum sum = new Checksum();
        for (int i = 0; i < n; i++) {
            sum.add(name(i), description(i));
        }
        return sum;
    }
}
