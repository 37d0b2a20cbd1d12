package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.insert;
import static org.retort.sql.Sql.select;
import static org.retort.sql.Sql.text;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.retort.exc.ArgumentException;
import org.retort.exc.ResourceClosedException;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.retort.types.Types;

/** The errors that used to be raw JDK exceptions or said the wrong thing, each now naming what is wrong. */
class MisleadingErrorsTest {

    private static Table numbers(TestDatabase db) {
        MetaData md = new MetaData();
        Table t = md.table("misled", column("id", Types.INTEGER, primaryKey()), column("amount", Types.NUMERIC(10, 2)),
                column("big", Types.BIGINT));
        md.createAll(db.engine());
        return t;
    }

    @BackendTest
    void nanOrInfinityForANumericColumnNamesTheParameterAndSaysWhy(TestDatabase db) {
        Table t = numbers(db);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            try (Connection conn = db.engine().connect()) {
                assertThatThrownBy(() -> conn.execute(insert(t), Map.of("id", 1, "amount", bad)))
                        .isInstanceOf(ArgumentException.class)
                        .hasMessageContaining("'amount'").hasMessageContaining("a finite number")
                        .hasMessageContaining(String.valueOf(bad));
                conn.rollback();
                assertThat(conn.execute(select(t.c("id"))).all()).as("nothing half-applied").isEmpty();
            }
        }
    }

    @BackendTest
    void aBigIntegerBeyondBigintSaysOutOfRange(TestDatabase db) {
        Table t = numbers(db);
        try (Connection conn = db.engine().connect()) {
            BigInteger twoTo63 = BigInteger.TWO.pow(63);
            assertThatThrownBy(() -> conn.execute(insert(t), Map.of("id", 1, "big", twoTo63)))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("'big'")
                    .hasMessageContaining("out of range").hasMessageContaining("9223372036854775807")
                    .hasMessageNotContaining("(Integer, Long");
            conn.execute(insert(t), Map.of("id", 2, "big", twoTo63.subtract(BigInteger.ONE)));
            assertThat(conn.execute(select(t.c("big"))).scalar()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @BackendTest
    void readingAResultAfterItsConnectionClosedIsResourceClosed(TestDatabase db) {
        try (Connection setup = db.engine().connect()) {
            setup.execute(text("CREATE TABLE many (x INTEGER)"));
            setup.execute(text("INSERT INTO many (x) VALUES (:x)"), List.of(Map.of("x", 1), Map.of("x", 2), Map.of("x", 3)));
            setup.commit();
        }
        Result r;
        try (Connection conn = db.engine().connect()) {
            r = conn.execute(text("SELECT x FROM many ORDER BY x"));
            assertThat(r.iterator().next().get(0)).isNotNull();
        }
        assertThatThrownBy(r::all).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("Connection was closed").hasMessageContaining("before closing the connection");
    }

    @BackendTest
    void aClosedEngineRefusesNewConnectionsAndSaysWhatToDo(TestDatabase db) {
        Engine engine = db.engine(b -> { });
        Engine copy = engine.executionOptions(ExecutionOptions.defaults());
        Connection held = engine.connect();
        engine.close();
        engine.close();
        assertThat(engine.isClosed()).isTrue();
        assertThatThrownBy(engine::connect).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("is closed").hasMessageContaining("dispose()");
        assertThatThrownBy(copy::connect).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> engine.begin(c -> { })).isInstanceOf(ResourceClosedException.class);
        if (!db.name().equals("sqlite-memory")) {
            assertThat(((Number) held.scalar(text("SELECT 1"))).intValue()).as("checked out before: still works")
                    .isEqualTo(1);
        } else { // its single shared connection closes at once, as dispose() says: a disconnect, not a bare error
            assertThatThrownBy(() -> held.scalar(text("SELECT 1"))).isInstanceOf(org.retort.exc.OperationalError.class)
                    .satisfies(e -> assertThat(((org.retort.exc.DBAPIException) e).connectionInvalidated()).isTrue());
        }
        held.close();
        Engine disposed = db.engine(b -> { });
        disposed.dispose();
        assertThat(((Number) disposed.connect().scalar(text("SELECT 1"))).intValue()).as("dispose keeps it usable")
                .isEqualTo(1);
    }

    @BackendTest
    void textQueriesReturnLargeTextAsStringsNotClobs(TestDatabase db) {
        String type = db.name().equals("postgresql") ? "TEXT" : db.name().equals("mariadb") ? "LONGTEXT" : "CLOB";
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("CREATE TABLE docs (body " + type + ")"));
            conn.execute(text("INSERT INTO docs (body) VALUES (:b)"), Map.of("b", "long text"));
            Object body = conn.execute(text("SELECT body FROM docs")).scalar();
            assertThat(body).isInstanceOf(String.class).isEqualTo("long text");
        }
    }
}
