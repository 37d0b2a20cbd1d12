package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.PG;
import static org.retort.sql.Sql.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.exc.ArgumentException;
import org.retort.sql.ColumnDefaultsTest.DefaultedColumn;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * insertmanyvalues: an executemany of INSERT ... RETURNING compiles the single-row statement once and repeats its
 * VALUES row, binding each parameter set by position; Java-side defaults are evaluated per row, SQL defaults are
 * repeated as SQL, and the rows come back in the order of the sets.
 */
class InsertManyValuesTest {

    /** A table whose columns have a fixed, a per-row Java and a SQL insert default. */
    static final class Tickets extends TableClause {
        final AtomicInteger counter = new AtomicInteger();

        Tickets() {
            super("tickets", null);
            addColumn(new ColumnClause<>("id", TestTypes.INTEGER, this));
            addColumn(new ColumnClause<>("name", TestTypes.VARCHAR, this));
            addColumn(new DefaultedColumn<>("status", TestTypes.VARCHAR, this, ColumnDefault.value("new"), null));
            addColumn(new DefaultedColumn<>("token", TestTypes.INTEGER, this,
                    ColumnDefault.callable(counter::incrementAndGet), null));
            addColumn(new DefaultedColumn<>("weight", TestTypes.INTEGER, this,
                    ColumnDefault.sql(literalColumn("2 * 21")), null));
        }
    }

    @Test
    void theValuesRowIsRepeatedAndEachRowTakesItsOwnValues() {
        Tickets t = new Tickets();
        Insert stmt = insert(t).returning(t.c("id"), t.c("token"));
        List<Map<String, ?>> sets = List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"),
                Map.of("id", 3, "name", "c"));
        Executable base = stmt.manyValuesBase(sets, PG);
        Compiled compiled = base.compile(PG);
        assertThat(compiled.valuesRowParameters()).isEqualTo(4);
        BoundStatement bound = compiled.bindRows(base.boundValues(), sets, 0);
        assertThat(bound.sql()).isEqualTo("INSERT INTO tickets (id, name, status, token, weight) VALUES "
                + "(?, ?, ?, ?, 2 * 21), (?, ?, ?, ?, 2 * 21), (?, ?, ?, ?, 2 * 21) RETURNING tickets.id, tickets.token");
        assertThat(bound.values()).containsExactly(1, "a", "new", 1, 2, "b", "new", 2, 3, "c", "new", 3);
        assertThat(compiled.bindRows(base.boundValues(), sets.subList(0, 1), 0).sql())
                .isEqualTo("INSERT INTO tickets (id, name, status, token, weight) VALUES (?, ?, ?, ?, 2 * 21) "
                        + "RETURNING tickets.id, tickets.token");
    }

    @Test
    void statementsThatCannotBeRepeatedAreNotOffered() {
        Tickets t = new Tickets();
        List<Map<String, ?>> sets = List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"));
        assertThat(insert(t).manyValuesBase(sets, PG)).as("no RETURNING: a plain JDBC batch").isNull();
        assertThat(insert(t).values(Map.of("id", 1, "name", "x")).returning(t.c("id")).manyValuesBase(sets, PG))
                .as("explicit VALUES").isNull();
        assertThat(insert(t).returning(t.c("id")).manyValuesBase(sets.subList(0, 1), PG)).as("one set").isNull();
        assertThat(insert(t).compile(PG).valuesRowParameters()).as("no VALUES row").isEqualTo(-1);
    }

    private static void createTickets(Connection conn) {
        conn.execute(text("CREATE TABLE tickets (id INTEGER PRIMARY KEY, name VARCHAR(20), status VARCHAR(20), "
                + "token INTEGER, weight INTEGER)"));
    }

    @BackendTest
    void manyRowsComeBackInOrderInBatchesOfAThousand(TestDatabase db) {
        Engine engine = db.engine();
        if (!db.dialect().supportsReturning()) {
            return; // covered by insertManyValuesReturnsRowsInTheOrderGiven: RETURNING is refused there
        }
        Tickets t = new Tickets();
        List<String> cursorStatements = new ArrayList<>();
        List<Integer> executes = new ArrayList<>();
        engine.events().onBeforeCursorExecute(e -> {
            if (e.statement().startsWith("INSERT INTO tickets")) {
                cursorStatements.add(e.statement());
            }
            return e.statement();
        });
        engine.events().onBeforeExecute((conn, stmt, sets) -> {
            if (stmt instanceof Insert) {
                executes.add(sets.size());
            }
        });
        List<Map<String, ?>> sets = new ArrayList<>();
        for (int i = 0; i < 2345; i++) {
            sets.add(Map.of("id", 5000 - i, "name", "n" + i));
        }
        try (Connection conn = engine.connect()) {
            createTickets(conn);
            List<Row> back = conn.execute(insert(t).returning(t.c("id"), t.c("token"), t.c("weight")), sets).all();
            assertThat(back).hasSize(2345);
            for (int i = 0; i < back.size(); i++) {
                assertThat(((Number) back.get(i).get("id")).intValue()).isEqualTo(5000 - i);
                assertThat(((Number) back.get(i).get("token")).intValue()).as("a Java default per row").isEqualTo(i + 1);
                assertThat(((Number) back.get(i).get("weight")).intValue()).isEqualTo(42);
            }
            assertThat(((Number) conn.execute(select(func.count()).selectFrom(t)).scalar()).intValue()).isEqualTo(2345);
        }
        boolean multiRow = db.dialect().supportsMultiValuesInsert();
        assertThat(executes).as("one statement execution for the whole executemany").containsExactly(2345);
        assertThat(cursorStatements).hasSize(multiRow ? 3 : 2345);
    }

    @BackendTest
    void aSetWithoutAKeyOfTheFirstIsRefusedByNumber(TestDatabase db) {
        if (!db.dialect().supportsReturning()) {
            return;
        }
        Tickets t = new Tickets();
        try (Connection conn = db.engine().connect()) {
            createTickets(conn);
            List<Map<String, ?>> sets = List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"),
                    Map.of("id", 3));
            assertThatThrownBy(() -> conn.execute(insert(t).returning(t.c("id")), sets))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("'name'")
                    .hasMessageContaining("parameter set 2");
        }
    }

    @BackendTest
    void sqlInAParameterSetIsRefused(TestDatabase db) {
        Tickets t = new Tickets();
        try (Connection conn = db.engine().connect()) {
            createTickets(conn);
            List<Map<String, ?>> sets = List.of(Map.of("id", 7, "name", "plain"),
                    Map.of("id", 8, "name", literalColumn("'from sql'")));
            if (db.dialect().supportsReturning()) {
                assertThatThrownBy(() -> conn.execute(insert(t).returning(t.c("id")), sets))
                        .isInstanceOf(ArgumentException.class).hasMessageContaining("Parameter set 1 gives 'name'");
            }
            assertThatThrownBy(() -> conn.execute(insert(t), sets)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("'name' a SQL expression");
            assertThat(((Number) conn.execute(select(func.count()).selectFrom(t)).scalar()).intValue()).isZero();
        }
    }
}
