package org.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.insert;
import static org.retort.sql.Sql.select;
import static org.retort.sql.Sql.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.exc.RetortException;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.retort.types.Types;

/**
 * Bad input through Core's public entry points (wrong types, out-of-range values, missing parameters, closed
 * connections, results and engines, unparseable URLs): each is a {@link RetortException} subclass whose message
 * names what is wrong, never a bare JDK exception, and none leaves a row behind.
 */
class BadInputEntryPointsTest {

    @BackendTest
    void everyBadCallIsARetortExceptionNamingTheProblemAndNothingIsHalfApplied(TestDatabase db) {
        MetaData md = new MetaData();
        Table t = md.table("bad_input", column("id", Types.INTEGER, primaryKey()), column("name", Types.VARCHAR(10)),
                column("amount", Types.NUMERIC(8, 2)), column("small", Types.SMALLINT), column("day", Types.DATE),
                column("flag", Types.BOOLEAN), column("uid", Types.UUID));
        md.createAll(db.engine());
        Map<String, Runnable> calls = new LinkedHashMap<>();
        Engine engine = db.engine();
        calls.put("string for INTEGER", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", "one"))));
        calls.put("fraction for INTEGER", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", new java.math.BigDecimal("1.5")))));
        calls.put("2^70 for INTEGER", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", BigInteger.TWO.pow(70)))));
        calls.put("70000 for SMALLINT", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "small", 70000))));
        calls.put("NaN for NUMERIC", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "amount", Double.NaN))));
        calls.put("text for NUMERIC", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "amount", "12"))));
        calls.put("Integer for DATE", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "day", 20240101))));
        calls.put("String for BOOLEAN", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "flag", "yes"))));
        calls.put("Long for UUID", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "uid", 5L))));
        calls.put("lone surrogate", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "name", "\uD800"))));
        calls.put("missing parameter", () -> engine.begin(c -> c.execute(text("SELECT :x"), Map.of())));
        calls.put("executemany of nothing", () -> engine.begin(c -> c.execute(insert(t), List.of())));
        calls.put("unknown column in the values", () -> engine.begin(c -> c.execute(insert(t), Map.of("id", 1, "nope", 3))));
        calls.put("bad URL", () -> Engine.create("postgresql://u:p@ss@h/db"));
        calls.put("unknown dialect", () -> Engine.create("nosuchdb://h/db"));
        calls.put("closed connection", () -> {
            Connection c = engine.connect();
            c.close();
            c.execute(select(t.c("id")));
        });
        calls.put("closed result", () -> {
            try (Connection c = engine.connect()) {
                Result r = c.execute(select(t.c("id")));
                r.close();
                r.all();
            }
        });
        calls.put("rowcount result read as rows", () -> engine.begin(c -> c.execute(text("DELETE FROM bad_input")).all()));
        calls.put("commit of an ended transaction", () -> {
            try (Connection c = engine.connect()) {
                Transaction tx = c.begin();
                tx.commit();
                tx.commit();
            }
        });
        calls.put("closed engine", () -> {
            Engine e = db.engine(b -> { });
            e.close();
            e.connect();
        });
        calls.put("unknown column name", () -> t.c("nope"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Runnable> call : calls.entrySet()) {
            Throwable e = catchThrowable(call.getValue()::run);
            if (!(e instanceof RetortException) || e.getMessage() == null || e.getMessage().length() < 20) {
                wrong.add(call.getKey() + " -> " + e);
            }
        }
        assertThat(wrong).as("calls that did not fail with a RetortException explaining itself").isEmpty();
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(t.c("id"))).all()).as("no bad call left a row").isEmpty();
        }
    }
}
