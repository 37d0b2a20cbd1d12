package org.retort.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Database;
import org.retort.bench.harness.Measurement;
import org.retort.bench.harness.SuiteConfig;
import org.retort.bench.harness.SuiteRunner;
import org.retort.bench.harness.Workload;
import org.retort.bench.workload.BulkInsert;
import org.retort.bench.workload.BulkUpdate;
import org.retort.bench.workload.GraphFlush;
import org.retort.bench.workload.LargeResult;
import org.retort.bench.workload.LargeResultStream;
import org.retort.bench.workload.RelationshipLoad;
import org.retort.bench.workload.ShortSelects;
import org.retort.bench.workload.SingleInserts;

/**
 * The workload suite: which workloads exist, in run order, and running them on several databases.
 */
public final class Suite {
    /** Default server URLs, overridable with {@code RETORT_BENCH_POSTGRESQL_URL} / {@code RETORT_BENCH_MARIADB_URL}. */
    static final Map<Database, String> DEFAULT_URLS = Map.of(
            Database.POSTGRESQL, "postgresql://postgres@127.0.0.1:5432/test",
            Database.MARIADB, "mariadb://root@127.0.0.1:3306/test");

    private Suite() {
    }

    /**
     * Every workload, fresh (workloads hold per-run state such as the ids to look up).
     *
     * @return the workloads in run order
     */
    public static List<Workload> workloads() {
        return List.of(new BulkInsert(), new SingleInserts(), LargeResult.rows(), LargeResult.scalars(),
                new LargeResultStream(),
                new ShortSelects(), new BulkUpdate(), RelationshipLoad.selectin(), RelationshipLoad.joined(),
                new GraphFlush());
    }

    /**
     * The server URL for a database: the environment variable if set, else the loopback default.
     *
     * @param database the database
     * @return its URL, or null for an embedded one
     */
    public static String serverUrl(Database database) {
        String env = System.getenv("RETORT_BENCH_" + database.name() + "_URL");
        return env != null && !env.isBlank() ? env : DEFAULT_URLS.get(database);
    }

    /**
     * Runs the suite on each database in turn; every database gets its own private space, dropped afterwards.
     *
     * @param config sizes, passes and filters
     * @param databases the databases, in run order
     * @param workDir where SQLite files go
     * @param log where progress goes
     * @return the measurements of every database
     * @throws Exception when a database is unreachable, a variant fails, or a verification fails
     */
    public static List<Measurement> run(SuiteConfig config, List<Database> databases, Path workDir, PrintStream log)
            throws Exception {
        List<Measurement> all = new ArrayList<>();
        for (Database db : databases) {
            try (BenchContext ctx = BenchContext.open(db, serverUrl(db), workDir)) {
                all.addAll(new SuiteRunner(config, log).run(ctx, workloads()));
            }
        }
        return all;
    }
}
