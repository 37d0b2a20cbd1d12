package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.retort.exc.IntegrityError;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * A checked-out connection keeps its prepared statements for reuse by SQL text: the driver prepares a statement
 * once however often the connection runs it, two open results never share one, and a failed statement is not
 * reused. The driver's prepare calls are counted through the engine's {@code creator}.
 */
class StatementCacheTest {

    /** Prepare calls per SQL text, counted on the real driver connections. */
    private static final class Prepares {
        final Map<String, AtomicInteger> bySql = new ConcurrentHashMap<>();

        int of(String sqlStart) {
            return bySql.entrySet().stream().filter(e -> e.getKey().startsWith(sqlStart))
                    .mapToInt(e -> e.getValue().get()).sum();
        }
    }

    private static Engine countingEngine(TestDatabase db, Prepares prepares, Consumer<EngineBuilder> more) {
        String jdbcUrl = db.dialect().jdbcUrl(db.url());
        java.util.Properties props = db.dialect().connectProperties(db.url());
        return db.engine(b -> {
            b.creator(() -> {
                java.sql.Connection real = java.sql.DriverManager.getConnection(jdbcUrl, props);
                return (java.sql.Connection) Proxy.newProxyInstance(StatementCacheTest.class.getClassLoader(),
                        new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")) {
                                prepares.bySql.computeIfAbsent((String) args[0], k -> new AtomicInteger()).incrementAndGet();
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            });
            more.accept(b);
        });
    }

    @BackendTest(only = {"sqlite-file", "h2", "postgresql", "mariadb"}) // not sqlite-memory: the creator would open another database
    void theSameSqlIsPreparedOncePerCheckout(TestDatabase db) {
        Prepares prepares = new Prepares();
        Engine engine = countingEngine(db, prepares, b -> { });
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE cached (id INTEGER PRIMARY KEY, name VARCHAR(20))"));
            for (int i = 1; i <= 5; i++) {
                conn.execute(text("INSERT INTO cached (id, name) VALUES (:id, :name)"), Map.of("id", i, "name", "n" + i));
            }
            assertThat(prepares.of("INSERT INTO cached")).as("five executions, one prepare").isEqualTo(1);
            conn.execute(text("INSERT INTO cached (id, name) VALUES (:id, :name)"),
                    List.of(Map.of("id", 6, "name", "a"), Map.of("id", 7, "name", "b")));
            conn.execute(text("INSERT INTO cached (id, name) VALUES (:id, :name)"),
                    List.of(Map.of("id", 8, "name", "c"), Map.of("id", 9, "name", "d")));
            for (int i = 1; i <= 3; i++) {
                assertThat(conn.execute(text("SELECT name FROM cached WHERE id = :id"), Map.of("id", i)).scalar())
                        .isEqualTo("n" + i);
            }
            conn.commit();
        }
        assertThat(prepares.of("INSERT INTO cached")).as("the batch form (no generated keys) is prepared once more")
                .isLessThanOrEqualTo(2);
        assertThat(prepares.of("SELECT name FROM cached")).isEqualTo(1);

        Prepares uncached = new Prepares();
        Engine off = countingEngine(db, uncached, b -> b.statementCacheSize(0));
        try (Connection conn = off.connect()) {
            for (int i = 1; i <= 3; i++) {
                conn.execute(text("SELECT name FROM cached WHERE id = :id"), Map.of("id", i)).scalar();
            }
            conn.execute(text("DROP TABLE cached"));
            conn.commit();
        }
        assertThat(uncached.of("SELECT name FROM cached")).as("statementCacheSize(0)").isEqualTo(3);
    }

    @BackendTest
    void twoOpenResultsOfTheSameSqlDoNotShareAStatement(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("CREATE TABLE shared (id INTEGER PRIMARY KEY)"));
            conn.execute(text("INSERT INTO shared (id) VALUES (:id)"), List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)));
            String sql = "SELECT id FROM shared WHERE id >= :low ORDER BY id";
            Connection streaming = conn.executionOptions(ExecutionOptions.defaults().yieldPer(1));
            try (Result first = streaming.execute(text(sql), Map.of("low", 1));
                 Result second = streaming.execute(text(sql), Map.of("low", 2))) {
                assertThat(((Number) first.iterator().next().get(0)).intValue()).isEqualTo(1);
                assertThat(second.all()).extracting(r -> ((Number) r.get(0)).intValue()).containsExactly(2, 3);
                assertThat(first.all()).extracting(r -> ((Number) r.get(0)).intValue()).containsExactly(2, 3);
            }
            assertThat(conn.execute(text(sql), Map.of("low", 3)).all()).hasSize(1);
            conn.execute(text("DROP TABLE shared"));
            conn.commit();
        }
    }

    @BackendTest
    void aStatementThatFailedIsNotReused(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("CREATE TABLE once (id INTEGER PRIMARY KEY)"));
            conn.commit();
            String insert = "INSERT INTO once (id) VALUES (:id)";
            conn.execute(text(insert), Map.of("id", 1));
            conn.commit();
            assertThatThrownBy(() -> conn.execute(text(insert), Map.of("id", 1))).isInstanceOf(IntegrityError.class);
            conn.rollback();
            conn.execute(text(insert), Map.of("id", 2));
            conn.commit();
            assertThat(((Number) conn.execute(text("SELECT count(*) FROM once")).scalar()).intValue()).isEqualTo(2);
            conn.execute(text("DROP TABLE once"));
            conn.commit();
        }
    }

    @BackendTest
    void aBatchWhoseValueWasRefusedLeavesNoRowsBehindForTheNextOne(TestDatabase db) {
        org.retort.schema.MetaData md = new org.retort.schema.MetaData();
        org.retort.schema.Table t = md.table("refused", org.retort.schema.Schema.column("id",
                org.retort.types.Types.INTEGER, org.retort.schema.Schema.primaryKey()),
                org.retort.schema.Schema.column("n", org.retort.types.Types.INTEGER));
        try (Connection conn = db.engine().connect()) {
            md.createAll(conn, true);
            List<Map<String, ?>> bad = List.of(Map.of("id", 1, "n", 1), Map.of("id", 2, "n", "not a number"));
            assertThatThrownBy(() -> conn.execute(org.retort.sql.Sql.insert(t), bad))
                    .isInstanceOf(org.retort.exc.ArgumentException.class);
            conn.execute(org.retort.sql.Sql.insert(t), List.of(Map.of("id", 3, "n", 3), Map.of("id", 4, "n", 4)));
            conn.commit();
            assertThat(conn.execute(text("SELECT id FROM refused ORDER BY id")).all())
                    .extracting(r -> ((Number) r.get(0)).intValue()).containsExactly(3, 4);
            md.dropAll(conn, true);
            conn.commit();
        }
    }
}
