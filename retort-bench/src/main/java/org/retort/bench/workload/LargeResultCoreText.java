package org.retort.bench.workload;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.sql.Sql;

/**
 * Large results through Retort Core: {@code conn.execute(text(...)).all()} into {@link Row}s, and
 * {@code .scalars(String.class).all()} for one column.
 */
final class LargeResultCoreText {
    private LargeResultCoreText() {
    }

    /** Rows of three columns as {@link Row}s. */
    static final class Rows implements Variant<List<Row>> {
        private final String sql;

        Rows(String sql) {
            this.sql = sql;
        }

        @Override
        public String contender() {
            return "core-text";
        }

        @Override
        public List<Row> run(BenchContext ctx, int n) {
            try (Connection conn = ctx.engine().connect()) {
                return conn.execute(Sql.text(sql)).all();
            }
        }

        @Override
        public Outcome outcome(List<Row> result) {
            return rowsOutcome(result);
        }
    }

    /** @return the count and checksum of {@code (id, name, description)} rows */
    static Outcome rowsOutcome(List<Row> result) {
        Checksum sum = new Checksum();
        for (Row r : result) {
            sum.add(r.get(0), r.get(1), r.get(2));
        }
        return sum.outcome();
    }

    /** One column as a list of strings. */
    static final class Scalars implements Variant<List<String>> {
        private final String sql;

        Scalars(String sql) {
            this.sql = sql;
        }

        @Override
        public String contender() {
            return "core-text";
        }

        @Override
        public List<String> run(BenchContext ctx, int n) {
            try (Connection conn = ctx.engine().connect()) {
                return conn.execute(Sql.text(sql)).scalars(String.class).all();
            }
        }

        @Override
        public Outcome outcome(List<String> result) {
            return LargeResultJdbc.scalarsOutcome(result);
        }
    }
}
