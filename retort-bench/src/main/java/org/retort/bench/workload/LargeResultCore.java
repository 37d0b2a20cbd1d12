package org.retort.bench.workload;

import static org.retort.sql.Sql.select;

import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.schema.Table;

/**
 * Large results through the expression language: {@code select(t.c("id"), t.c("name"), t.c("description"))}
 * into {@link Row}s, and {@code select(t.c("name"))} with {@code scalars(String.class)} for one column.
 */
final class LargeResultCore {
    private LargeResultCore() {
    }

    /** Rows of three columns as {@link Row}s. */
    static final class Rows implements Variant<List<Row>> {
        private final Table table;

        Rows(String table) {
            this.table = BenchTables.largeResult(table);
        }

        @Override
        public String contender() {
            return "core";
        }

        @Override
        public List<Row> run(BenchContext ctx, int n) {
            try (Connection conn = ctx.engine().connect()) {
                return conn.execute(select(table.c("id"), table.c("name"), table.c("description"))).all();
            }
        }

        @Override
        public Outcome outcome(List<Row> result) {
            return LargeResultCoreText.rowsOutcome(result);
        }
    }

    /** One column as a list of strings. */
    static final class Scalars implements Variant<List<String>> {
        private final Table table;

        Scalars(String table) {
            this.table = BenchTables.largeResult(table);
        }

        @Override
        public String contender() {
            return "core";
        }

        @Override
        public List<String> run(BenchContext ctx, int n) {
            try (Connection conn = ctx.engine().connect()) {
                return conn.execute(select(table.c("name"))).scalars(String.class).all();
            }
        }

        @Override
        public Outcome outcome(List<String> result) {
            return LargeResultJdbc.scalarsOutcome(result);
        }
    }
}
